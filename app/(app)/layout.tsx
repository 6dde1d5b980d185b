import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { getActor } from "@/lib/auth/session";
import { SessionExpiredDialog } from "@/components/shared/SessionExpiredDialog";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page redirects a logged-out visitor itself (it knows its own path to come back to);
  // the layout only draws the header. The actor is cached per request: one query for both.
  const actor = await getActor();
  return (
    <>
      {/* The first thing Tab reaches: past the header's links to the page itself. */}
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      {actor && <AppHeader actor={actor} />}
      {actor && <SessionExpiredDialog userId={actor.userId} email={actor.email} />}
      <div id="content" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
