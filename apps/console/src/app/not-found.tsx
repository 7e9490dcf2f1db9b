import Link from "next/link";

/** 404 for any unknown path (and for another organization's ids). */
export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="card auth-card" data-testid="not-found">
        <h1>Page not found</h1>
        <p className="muted">This page does not exist, or you do not have access to it.</p>
        <Link className="btn" href="/">
          Back to the console
        </Link>
      </div>
    </main>
  );
}
