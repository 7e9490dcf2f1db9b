/** Associated data binding an encrypted private key to its org and key id: a key copied to another org or row fails to decrypt. */
export function getKeyAad({ orgId, keyId }: { orgId: string; keyId: string }): string {
  return `egress-signing-key:${orgId}:${keyId}`;
}
