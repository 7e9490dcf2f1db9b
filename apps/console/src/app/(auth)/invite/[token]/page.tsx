import type { Metadata } from "next";
import { AcceptInviteForm } from "./_components/accept-invite-form";

export const metadata: Metadata = { title: "Accept invite", referrer: "no-referrer" };

/** Landing page of a one-time invite link: choose a password, then you are signed in. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;

  return (
    <>
      <div className="stack">
        <h1>Join your team</h1>
        <p className="muted">Choose a password for your Egress Control account. This link works once.</p>
      </div>
      <AcceptInviteForm token={decodeURIComponent(token)} />
    </>
  );
}
