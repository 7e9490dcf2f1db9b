"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card, EmptyState } from "@/components/card";
import { ErrorNotice } from "@/components/error-notice";
import { formatRelative } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";

type TDevice = {
  id: string;
  name: string;
  hostname: string | null;
  platform: string | null;
  cliVersion: string | null;
  scope: string;
  owner: { email: string; name: string | null } | null;
  agents: string[];
  snapshotVersion: number | null;
  latestVersion: number | null;
  isBehind: boolean;
  lastPullAt: Date | null;
  isStale: boolean;
  revokedAt: Date | null;
  revokedReason: string | null;
};

function DeviceStatus({ device }: { device: TDevice }) {
  if (device.revokedAt) return <span className="badge badge-danger" title={device.revokedReason ?? undefined}>revoked</span>;
  if (device.isStale) return <span className="badge badge-warning">stale</span>;

  return <span className="badge badge-success">active</span>;
}

/** Enrolled machines: policy version in use vs latest, last pull, owner; revoke with a reason. */
export function DevicesTable({ devices, canManage }: { devices: TDevice[]; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const revoke = useMutation(
    trpc.devices.revoke.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        setReason("");
        router.refresh();
      },
    }),
  );

  return (
    <Card title={`${devices.length} ${devices.length === 1 ? "device" : "devices"}`} flush testId="devices">
      {revoke.error ? (
        <div className="card-body">
          <ErrorNotice message={describeError(revoke.error)} testId="device-revoke-error" />
        </div>
      ) : null}
      {devices.length === 0 ? (
        <EmptyState>No machines enrolled yet. Create an enrollment token above and run its command on a developer machine.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Owner</th>
                <th scope="col">Policy version</th>
                <th scope="col">Last pull</th>
                <th scope="col">Status</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id} data-testid="device-row">
                  <td>
                    <div style={{ fontWeight: 560 }}>{device.name}</div>
                    <div className="muted" style={{ fontSize: 12 }}>
                      {[device.hostname, device.platform, device.cliVersion ? `egress-sync ${device.cliVersion}` : null].filter(Boolean).join(" · ") || "—"}
                    </div>
                    {device.agents.length > 0 ? <div className="muted" style={{ fontSize: 12 }}>agents: {device.agents.join(", ")}</div> : null}
                  </td>
                  <td>{device.owner ? (device.owner.name ?? device.owner.email) : <span className="muted">—</span>}</td>
                  <td>
                    <span data-testid="device-version">{device.snapshotVersion ?? "none"}</span>
                    <span className="muted"> / latest {device.latestVersion ?? "—"}</span>{" "}
                    {device.isBehind ? <span className="badge badge-warning">behind</span> : null}
                    <div className="muted" style={{ fontSize: 12 }}>
                      scope <code>{device.scope}</code>
                    </div>
                  </td>
                  <td className="muted">{formatRelative(device.lastPullAt)}</td>
                  <td>
                    <DeviceStatus device={device} />
                  </td>
                  {canManage ? (
                    <td className="actions">
                      {device.revokedAt ? null : revoking === device.id ? (
                        <form
                          className="row"
                          onSubmit={(event) => {
                            event.preventDefault();
                            revoke.mutate({ deviceId: device.id, reason });
                          }}
                        >
                          <label className="visually-hidden" htmlFor={`revoke-${device.id}`}>
                            Reason
                          </label>
                          <input className="input" id={`revoke-${device.id}`} style={{ width: 180 }} placeholder="reason (required)" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} data-testid="device-revoke-reason" />
                          <button className="btn btn-sm btn-danger" type="submit" disabled={revoke.isPending} data-testid="device-revoke-confirm">
                            Revoke
                          </button>
                          <button className="btn btn-sm" type="button" onClick={() => setRevoking(null)}>
                            Cancel
                          </button>
                        </form>
                      ) : (
                        <button className="btn btn-sm btn-danger" type="button" onClick={() => setRevoking(device.id)} data-testid="device-revoke">
                          Revoke
                        </button>
                      )}
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
