import type { ReactNode } from "react";

/** A bordered section with a header (title, description, actions) and a body. */
export function Card({ title, description, actions, children, testId, flush }: { title?: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string; flush?: boolean }) {
  return (
    <section className="card" data-testid={testId}>
      {title ? (
        <div className="card-header">
          <div>
            <h2>{title}</h2>
            {description ? <p>{description}</p> : null}
          </div>
          {actions ? <div className="row">{actions}</div> : null}
        </div>
      ) : null}
      {flush ? children : <div className="card-body">{children}</div>}
    </section>
  );
}

/** What an empty list says instead of an empty table. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
