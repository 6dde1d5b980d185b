import Link from "next/link";
import { Suspense } from "react";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABEL, hasRole } from "@/lib/auth/roles";
import { signOutEverywhereAction } from "@/app/(app)/actions";
import { SignOutButton } from "./SignOutButton";
import { HeaderMenu } from "./HeaderMenu";
import { BellIcon } from "./BellIcon";
import { SearchShortcut } from "@/components/search/SearchShortcut";
import { NotificationBellLoader } from "./NotificationBellLoader";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";
import { getHeaderContext } from "@/lib/shell/header";

export function AppHeader({ actor }: { actor: Actor }) {
  // The switcher and the bell share one statement (#15); each waits for it behind its own boundary.
  const context = getHeaderContext({ actor });
  return (
    <header className="app-header">
      <Link href="/articles" className="brand" prefetch={false}>
        Factmark
      </Link>
      {/* The switcher and the bell read the database: the page is sent without waiting for them (#15). */}
      <Suspense fallback={<span aria-label="Workspace">{actor.workspaceName}</span>}>
        <WorkspaceSwitcher actor={actor} context={context} />
      </Suspense>
      <HeaderMenu>
        {/* No prefetch (#15): in view on every page, each link asked the server for its route while the
            page itself was still loading and hydrating, on the same busy cores. A click still navigates
            client-side; it waits for that one route. */}
        <nav aria-label="Main">
          <Link href="/articles" prefetch={false}>
            Articles
          </Link>
          <Link href="/my-work" prefetch={false}>
            My work
          </Link>
          <Link href="/search" prefetch={false} aria-keyshortcuts="/">
            Search
          </Link>
          {hasRole(actor.role, "EDITOR") && (
            <Link href="/review" prefetch={false}>
              Review queue
            </Link>
          )}
          {hasRole(actor.role, "EDITOR") && (
            <Link href="/dashboard" prefetch={false}>
              Dashboard
            </Link>
          )}
          {hasRole(actor.role, "EDITOR") && (
            <Link href="/agreement" prefetch={false}>
              Agreement
            </Link>
          )}
          {hasRole(actor.role, "ADMIN") && (
            <Link href="/admin/people" prefetch={false}>
              People
            </Link>
          )}
          {hasRole(actor.role, "ADMIN") && (
            <Link href="/admin/scale" prefetch={false}>
              Verdict scale
            </Link>
          )}
          {hasRole(actor.role, "ADMIN") && (
            <Link href="/admin/tokens" prefetch={false}>
              API tokens
            </Link>
          )}
        </nav>
        <div className="who">
          <Suspense
            fallback={
              <span className="bell" aria-hidden="true">
                <BellIcon />
              </span>
            }
          >
            <NotificationBellLoader context={context} />
          </Suspense>
          <span data-testid="current-user">{actor.name}</span>
          <span className="role-badge" data-testid="current-role">
            {ROLE_LABEL[actor.role]}
          </span>
          <SignOutButton />
          <form action={signOutEverywhereAction}>
            <button type="submit" className="link">
              Sign out everywhere
            </button>
          </form>
        </div>
      </HeaderMenu>
      <SearchShortcut />
    </header>
  );
}
