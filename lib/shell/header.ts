import "server-only";
import { db } from "../db/client";
import { requireActor, type Actor } from "../auth/actor";
import { encodePosition, parsePgSnapshot } from "../live/position";
import { readLogPosition } from "../live/log";
import type { MyWorkspace } from "../workspaces/switch";

export type HeaderContext = {
  /** As listMyWorkspaces answers: the switcher's desks, by name. */
  workspaces: MyWorkspace[];
  /** As countUnread answers: the bell's count. */
  unread: number;
  /** The log position the count was read at: the bell's stream starts there. */
  since: string;
};

/**
 * What the header reads on every page, in one statement (#15): the actor's workspaces (as
 * `listMyWorkspaces`), their unread notifications (as `countUnread`) and the log position. It was
 * three round trips, one of them a query Prisma compiled per page, while the page itself was being
 * read and sent. One statement also reads the count and the position in the same snapshot, so the
 * bell's stream neither repeats nor misses a notification. An integration test holds it equal to
 * the two functions.
 */
export async function getHeaderContext(options: { actor: Actor | null }): Promise<HeaderContext> {
  const actor = requireActor(options.actor);
  // An API token has no inbox and no switcher (as the two functions answer).
  if (actor.tokenId) return { workspaces: [], unread: 0, since: await readLogPosition() };
  const [row] = await db.$queryRaw<{ snapshot: string; unread: number; workspaces: Omit<MyWorkspace, "current">[] }[]>`
    SELECT pg_current_snapshot()::text AS snapshot,
      (SELECT count(*)::int FROM "Notification" n
        WHERE n."userId" = ${actor.userId} AND n."workspaceId" = ${actor.workspaceId} AND n."readAt" IS NULL) AS unread,
      COALESCE((
        SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'role', m.role::text) ORDER BY w.name, w.id)
        FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
        WHERE m."userId" = ${actor.userId} AND m."deactivatedAt" IS NULL
      ), '[]'::json) AS workspaces`;
  return {
    workspaces: row.workspaces.map((w) => ({ ...w, current: w.id === actor.workspaceId })),
    unread: row.unread,
    since: encodePosition(parsePgSnapshot(row.snapshot)),
  };
}
