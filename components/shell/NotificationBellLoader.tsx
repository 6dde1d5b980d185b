import type { HeaderContext } from "@/lib/shell/header";
import { NotificationBell } from "./NotificationBell";

/** The header's bell, with the unread count read after the log position its stream starts from. */
export async function NotificationBellLoader({ context }: { context: Promise<HeaderContext> }) {
  const { unread, since } = await context;
  return <NotificationBell initialUnread={unread} since={since} />;
}
