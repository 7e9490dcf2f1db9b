"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { canManageRole, type TRole } from "@egress/contracts/permissions";
import { Card, EmptyState } from "@/components/card";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice } from "@/components/error-notice";
import { formatDateTime } from "@/lib/format";
import { describeError, useTRPC } from "@/trpc/react";
import { findGrantableRoles } from "./role-options";

type TMemberRow = { membershipId: string; userId: string; email: string; name: string | null; role: TRole; isPending: boolean; isDisabled: boolean; joinedAt: Date };

type TProps = { members: TMemberRow[]; actorRole: TRole; actorUserId: string; canManage: boolean };

/** The member list; role changes and removal for roles that may manage members. */
export function MembersTable({ members, actorRole, actorUserId, canManage }: TProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const onError = (cause: unknown) => setError(describeError(cause));
  const onSuccess = () => {
    setError(null);
    router.refresh();
  };
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onError, onSuccess }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onError, onSuccess }));
  const grantable = findGrantableRoles(actorRole);

  return (
    <Card title={`${members.length} ${members.length === 1 ? "member" : "members"}`} flush testId="members">
      {error ? (
        <div className="card-body">
          <ErrorNotice message={error} testId="members-error" />
        </div>
      ) : null}
      {members.length === 0 ? (
        <EmptyState>No members yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const isManageable = canManage && canManageRole(actorRole, member.role);

                return (
                  <tr key={member.membershipId} data-testid="member-row" data-email={member.email}>
                    <td>
                      <div style={{ fontWeight: 560 }}>{member.name ?? member.email}</div>
                      {member.name ? <div className="muted">{member.email}</div> : null}
                      {member.userId === actorUserId ? <span className="badge">you</span> : null}
                    </td>
                    <td>
                      {isManageable ? (
                        <>
                          <label className="visually-hidden" htmlFor={`role-${member.membershipId}`}>
                            Role of {member.email}
                          </label>
                          <select
                            id={`role-${member.membershipId}`}
                            className="select"
                            style={{ width: 140 }}
                            value={member.role}
                            disabled={changeRole.isPending}
                            onChange={(event) => changeRole.mutate({ membershipId: member.membershipId, role: event.target.value as TRole })}
                            data-testid="member-role-select"
                          >
                            {(grantable.includes(member.role) ? grantable : [member.role, ...grantable]).map((role) => (
                              <option key={role} value={role}>
                                {role}
                              </option>
                            ))}
                          </select>
                        </>
                      ) : (
                        <span className="badge badge-primary" data-testid="member-role">
                          {member.role}
                        </span>
                      )}
                    </td>
                    <td>
                      {member.isDisabled ? <span className="badge badge-danger">disabled</span> : member.isPending ? <span className="badge badge-warning">invited</span> : <span className="badge badge-success">active</span>}
                    </td>
                    <td className="muted">{formatDateTime(member.joinedAt)}</td>
                    {canManage ? (
                      <td className="actions">
                        {isManageable ? (
                          <ConfirmButton label="Remove" confirmLabel={`Remove ${member.email}`} isPending={remove.isPending} onConfirm={() => remove.mutate({ membershipId: member.membershipId })} testId="member-remove" />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
