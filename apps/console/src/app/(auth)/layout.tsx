import type { ReactNode } from "react";

/** Centered card layout for sign-in and invitation pages. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            E
          </span>
          Egress Control
        </div>
        {children}
      </div>
    </main>
  );
}
