"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ROLES, type TRole } from "@egress/contracts/permissions";
import { Card, EmptyState } from "@/components/card";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice } from "@/components/error-notice";
import { OneTimeSecret } from "@/components/one-time-secret";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import { readText } from "@/lib/form";

type TToken = { id: string; name: string; prefix: string; role: TRole; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };

/** Org API tokens for the admin REST API: create (secret shown once), list, revoke. Owners only. */
export function ApiTokens({ tokens }: { tokens: TToken[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(trpc.apiTokens.create.mutationOptions());
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: () => router.refresh() }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = Number(form.get("expiresInDays"));
    setSecret(null);
    const created = await create.mutateAsync({ name: readText(form, "name"), role: form.get("role") as TRole, expiresInDays: days > 0 ? days : undefined });
    setSecret({ name: created.name, token: created.token });
    formElement.reset();
    router.refresh();
  }

  return (
    <Card title="API tokens" description="For automation against the admin REST API (`Authorization: Bearer …`). Stored hashed; shown once." testId="api-tokens">
      <form className="form" onSubmit={(event) => void onSubmit(event).catch(() => undefined)}>
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor="token-name">Name</label>
            <input className="input" id="token-name" name="name" required maxLength={100} placeholder="e.g. gitops-pipeline" data-testid="api-token-name" />
          </div>
          <div className="field">
            <label htmlFor="token-role">Role</label>
            <select className="select" id="token-role" name="role" defaultValue="admin" data-testid="api-token-role">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="token-expiry">Expires after (days)</label>
            <input className="input" id="token-expiry" name="expiresInDays" type="number" min={1} max={3650} defaultValue={90} data-testid="api-token-expiry" />
          </div>
          <button className="btn btn-primary" type="submit" disabled={create.isPending} data-testid="api-token-create">
            Create token
          </button>
        </div>
      </form>
      <ErrorNotice message={create.error ? describeError(create.error) : revoke.error ? describeError(revoke.error) : null} testId="api-token-error" />
      {secret ? <OneTimeSecret title={`Token \`${secret.name}\``} value={secret.token} testId="api-token-secret" /> : null}
      {tokens.length === 0 ? (
        <EmptyState>No API tokens yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Role</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-testid="api-token-row" data-name={token.name}>
                  <td style={{ fontWeight: 560 }}>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    <span className="badge">{token.role}</span>
                  </td>
                  <td className="muted">{formatRelative(token.lastUsedAt)}</td>
                  <td className="muted">{token.expiresAt ? formatDateTime(token.expiresAt) : "never"}</td>
                  <td className="actions">
                    {token.revokedAt ? (
                      <span className="badge badge-danger" data-testid="api-token-revoked">
                        revoked
                      </span>
                    ) : (
                      <ConfirmButton label="Revoke" confirmLabel="Revoke now" isPending={revoke.isPending} onConfirm={() => revoke.mutate({ id: token.id })} testId="api-token-revoke" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
