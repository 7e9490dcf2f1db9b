"use client";

import "./globals.css";

/** Last-resort error page when the root layout itself fails; no details are shown. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="auth-page">
          <div className="card auth-card">
            <h1>Something went wrong</h1>
            <p className="muted">The console could not be loaded.</p>
            {error.digest ? <code>reference: {error.digest}</code> : null}
            <button className="btn btn-primary" type="button" onClick={reset}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
