"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Card, EmptyState } from "@/components/card";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";

type TToken = { id: string; name: string | null; prefix: string; scope: string; expiresAt: Date; maxUses: number; uses: number; createdBy: string | null; devices: number; state: "active" | "expired" | "exhausted" | "revoked" };

const STATE_BADGE: Record<TToken["state"], string> = { active: "badge-success", expired: "", exhausted: "", revoked: "badge-danger" };

/** Enrollment tokens with their state and use count; active ones can be revoked. */
export function EnrollmentTokens({ tokens, canManage }: { tokens: TToken[]; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.enrollment.revoke.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <Card title="Enrollment tokens" flush testId="enrollment-tokens">
      {revoke.error ? (
        <div className="card-body">
          <ErrorNotice message={describeError(revoke.error)} />
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <EmptyState>No enrollment tokens yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Scope</th>
                <th scope="col">Uses</th>
                <th scope="col">Expires</th>
                <th scope="col">Created by</th>
                <th scope="col">State</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-testid="enrollment-token-row">
                  <td>
                    <div style={{ fontWeight: 560 }}>{token.name ?? "—"}</div>
                    <code className="muted">{token.prefix}…</code>
                  </td>
                  <td>
                    <code>{token.scope}</code>
                  </td>
                  <td>
                    {token.uses} / {token.maxUses}
                  </td>
                  <td className="muted">{formatDateTime(token.expiresAt)}</td>
                  <td className="muted">{token.createdBy ?? "—"}</td>
                  <td>
                    <span className={`badge ${STATE_BADGE[token.state]}`} data-testid="enrollment-token-state">
                      {token.state}
                    </span>
                  </td>
                  {canManage ? (
                    <td className="actions">
                      {token.state === "active" ? <ConfirmButton label="Revoke" confirmLabel="Revoke token" isPending={revoke.isPending} onConfirm={() => revoke.mutate({ tokenId: token.id })} testId="enrollment-token-revoke" /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
