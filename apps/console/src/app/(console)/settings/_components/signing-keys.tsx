"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card } from "@/components/card";
import { ConfirmButton } from "@/components/confirm-button";
import { CopyButton } from "@/components/copy-button";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";

type TKeys = {
  rootVersion: number;
  rootFingerprint: string;
  rootIssuedAt: string;
  threshold: number;
  keys: { keyId: string; kind: "root" | "snapshot"; rootVersion: number; createdAt: Date; retiredAt: Date | null; isActive: boolean }[];
};

/** Root and snapshot-signing key fingerprints; rotation for roles with keys.manage. */
export function SigningKeys({ keys, canManage }: { keys: TKeys; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const rotateSigning = useMutation(
    trpc.keys.rotateSigning.mutationOptions({
      onSuccess: (result) => {
        setMessage(`New signing key \`${result.keyId.slice(0, 16)}…\`; ${result.resigned.length} snapshot(s) re-signed.`);
        router.refresh();
      },
    }),
  );
  const rotateRoot = useMutation(
    trpc.keys.rotateRoot.mutationOptions({
      onSuccess: (result) => {
        setMessage(`Root key rotated to version ${result.rootVersion}. Devices accept it on their next pull; no re-enrollment needed.`);
        router.refresh();
      },
    }),
  );
  const error = rotateSigning.error ?? rotateRoot.error;
  const active = keys.keys.filter((key) => key.isActive);

  return (
    <Card
      title="Signing keys"
      description="Devices pin the root key at enrollment: compare this fingerprint with what `egress-sync enroll` prints."
      testId="signing-keys"
      actions={
        canManage ? (
          <>
            <ConfirmButton className="btn btn-sm" label="Rotate signing key" confirmLabel="Rotate signing key" isPending={rotateSigning.isPending} onConfirm={() => rotateSigning.mutate()} testId="rotate-signing-key" />
            <ConfirmButton className="btn btn-sm btn-danger" label="Rotate root key" confirmLabel="Rotate root key" isPending={rotateRoot.isPending} onConfirm={() => rotateRoot.mutate()} testId="rotate-root-key" />
          </>
        ) : null
      }
    >
      <div>
        <div className="label">Root fingerprint (version {keys.rootVersion})</div>
        <div className="secret" style={{ marginTop: 6 }}>
          <code data-testid="root-fingerprint">{keys.rootFingerprint}</code>
          <CopyButton value={keys.rootFingerprint} />
        </div>
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          issued {formatDateTime(keys.rootIssuedAt)}
        </div>
      </div>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {active.map((key) => (
          <li key={key.keyId}>
            {key.kind === "root" ? "Root" : "Snapshot signing"} key <code data-testid={`active-${key.kind}-key`}>{key.keyId}</code> <span className="muted">since {formatDateTime(key.createdAt)}</span>
          </li>
        ))}
      </ul>
      <ErrorNotice message={error ? describeError(error) : null} testId="keys-error" />
      {message ? (
        <div className="notice notice-success" data-testid="keys-message">
          {message}
        </div>
      ) : null}
    </Card>
  );
}
