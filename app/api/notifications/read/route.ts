import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { markNotificationsRead } from "@/lib/notifications/inbox";

/** POST /api/notifications/read with `{ "ids": [...] }` or `{ "all": true }` — answers `{ unread }`. */
export const POST = jsonRoute(async (request) => {
  const actor = await getActor();
  return markNotificationsRead({ actor, input: actor ? await readJson(request) : null });
});
