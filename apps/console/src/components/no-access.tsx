import { Card } from "./card";

/** Shown instead of a section the active role may not read (the server refuses it anyway). */
export function NoAccess({ what, permission }: { what: string; permission: string }) {
  return (
    <Card>
      <p className="muted" data-testid="no-access">
        Your role cannot view {what} (needs <code>{permission}</code>). Ask an admin if you need access.
      </p>
    </Card>
  );
}
