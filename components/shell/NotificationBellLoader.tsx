import type { Actor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/notifications/inbox";
import { readLogPosition } from "@/lib/live/log";
import { NotificationBell } from "./NotificationBell";

/** Reads the unread count (after the log position the bell streams from) for the header's bell. */
export async function NotificationBellLoader({ actor }: { actor: Actor }) {
  const since = await readLogPosition();
  return <NotificationBell initialUnread={await countUnread({ actor })} since={since} />;
}
