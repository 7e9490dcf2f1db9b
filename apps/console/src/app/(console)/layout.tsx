import type { ReactNode } from "react";
import { NavLinks } from "@/components/nav-links";
import { OrgSwitcher } from "@/components/org-switcher";
import { UserMenu } from "@/components/user-menu";
import { requireConsoleSession } from "@/server/console-session";

/** The console shell: navigation, org switcher and user menu around every signed-in page. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user, org, orgs } = await requireConsoleSession();

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            E
          </span>
          Egress Control
        </div>
        <NavLinks />
        <div className="sidebar-footer">
          Signed in to <strong data-testid="active-org-name">{org.name}</strong>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <OrgSwitcher orgs={orgs.map((o) => ({ id: o.id, name: o.name, role: o.role }))} activeOrgId={org.id} />
          <UserMenu name={user.name} email={user.email} role={org.role} />
        </header>
        <main className="content" id="main">
          {children}
        </main>
      </div>
    </div>
  );
}
