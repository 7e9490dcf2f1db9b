"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { describeError, useTRPC } from "@/trpc/react";
import type { TDraftState } from "./use-draft";

/** Replays the last N days of recorded events against the working copy: newly allowed / blocked. */
export function ImpactTab({ scope, draft }: { scope: string; draft: TDraftState }) {
  const trpc = useTRPC();
  const [days, setDays] = useState(7);
  const impact = useMutation(trpc.policyTools.impact.mutationOptions());
  const r = impact.data;

  return (
    <div data-testid="impact-tab">
      <div className="form-row">
        <div className="field">
          <label htmlFor="impact-days">Days of events</label>
          <input id="impact-days" className="input" type="number" min={1} max={90} value={days} onChange={(e) => setDays(Number(e.target.value) || 7)} data-testid="impact-days" />
        </div>
        <button type="button" className="btn btn-primary" disabled={!draft.check.isValid || impact.isPending} onClick={() => impact.mutate({ scope, days, document: draft.check.value })} data-testid="impact-run">
          {impact.isPending ? "Replaying…" : draft.isDirty ? "Preview impact of unsaved changes" : "Preview impact"}
        </button>
      </div>
      <ErrorNotice message={impact.error ? describeError(impact.error) : null} testId="impact-error" />
      {r ? (
        <div data-testid="impact-result">
          <p>
            Replayed <strong data-testid="impact-events">{r.totals.events}</strong> events ({r.totals.tuples} distinct calls) since {r.since.toISOString().slice(0, 10)} against {r.draftLabel}, compared with {r.baseline}:{" "}
            <strong data-testid="impact-newly-allowed">{r.totals.newlyAllowed}</strong> newly allowed, <strong data-testid="impact-newly-blocked">{r.totals.newlyBlocked}</strong> newly blocked.
          </p>
          {r.isCapped ? <div className="notice notice-warning" data-testid="impact-capped">Only the {r.cap} most frequent distinct calls were replayed.</div> : null}
          {r.totals.unreplayable > 0 ? <p className="muted">{r.totals.unreplayable} events had no destination to replay (e.g. DLP blocks).</p> : null}
          <div className="table-wrap">
            <table className="table" data-testid="impact-changes">
              <thead>
                <tr><th>Change</th><th>Tool</th><th>Destination</th><th>Events</th><th>Devices</th><th>Users</th><th>Now → draft</th></tr>
              </thead>
              <tbody>
                {r.changes.map((c, i) => (
                  <tr key={i} data-testid="impact-change" data-direction={c.direction}>
                    <td><span className={`badge ${c.direction === "newly_allowed" ? "badge-warning" : "badge-danger"}`}>{c.direction === "newly_allowed" ? "newly allowed" : "newly blocked"}</span></td>
                    <td className="mono">{c.tool ?? "—"}</td>
                    <td className="mono">{c.destination ?? "—"}</td>
                    <td>{c.events}</td>
                    <td>{c.devices.map((d) => `${d.name} (${d.events})`).join(", ")}</td>
                    <td>{c.users.map((u) => `${u.name} (${u.events})`).join(", ")}</td>
                    <td className="mono">{c.before.rule} → {c.after.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.changes.length === 0 ? <p className="muted" data-testid="impact-none">No recorded call changes its decision.</p> : null}
          <div className="form-row">
            {[
              { title: "By destination", id: "destination", rows: r.byDestination.map((x) => ({ name: x.destination, ...x })) },
              { title: "By device", id: "device", rows: r.byDevice.map((x) => ({ name: x.deviceName, ...x })) },
              { title: "By user", id: "user", rows: r.byUser.map((x) => ({ name: x.userName, ...x })) },
            ].map((group) => (
              <div key={group.id} className="field field-grow">
                <span className="label">{group.title}</span>
                <ul data-testid={`impact-by-${group.id}`}>
                  {group.rows.map((t) => (
                    <li key={t.name}>
                      {t.name}: +{t.newlyAllowed} allowed, +{t.newlyBlocked} blocked
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
