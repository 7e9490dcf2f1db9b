/** Filter form for the audit log: a plain GET form, so filters live in the URL and can be shared. */
export function AuditFilters({ initial }: { initial: { actor: string; action: string; from: string; to: string } }) {
  return (
    <form className="card card-body" method="get" action="/audit" data-testid="audit-filters">
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor="audit-actor">Actor</label>
          <input className="input" id="audit-actor" name="actor" defaultValue={initial.actor} placeholder="e-mail or token name" data-testid="audit-filter-actor" />
        </div>
        <div className="field field-grow">
          <label htmlFor="audit-action">Action</label>
          <input className="input" id="audit-action" name="action" defaultValue={initial.action} placeholder="e.g. member.invited" data-testid="audit-filter-action" />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input className="input" id="audit-from" name="from" type="date" defaultValue={initial.from} data-testid="audit-filter-from" />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input className="input" id="audit-to" name="to" type="date" defaultValue={initial.to} data-testid="audit-filter-to" />
        </div>
        <button className="btn btn-primary" type="submit" data-testid="audit-filter-submit">
          Filter
        </button>
        <a className="btn" href="/audit">
          Clear
        </a>
      </div>
    </form>
  );
}
