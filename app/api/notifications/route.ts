import { getActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";
import { listNotifications } from "@/lib/notifications/inbox";

/** GET /api/notifications — `{ unread, notifications: [...] }`, newest first (up to 100). */
export const GET = jsonRoute(async () => listNotifications({ actor: await getActor() }));
