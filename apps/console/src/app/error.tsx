"use client";

import Link from "next/link";

/**
 * Error boundary for every page: never shows the error's message or stack (production builds
 * replace server errors with a digest anyway); the digest lets an operator find the log line.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" data-testid="error-page">
        <h1>Something went wrong</h1>
        <p className="muted">The page could not be loaded. Try again; if it keeps failing, give your admin this reference.</p>
        {error.digest ? <code>reference: {error.digest}</code> : null}
        <div className="row">
          <button className="btn btn-primary" type="button" onClick={reset}>
            Try again
          </button>
          <Link className="btn" href="/">
            Overview
          </Link>
        </div>
      </div>
    </main>
  );
}
