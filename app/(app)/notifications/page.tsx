import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/inbox";
import { NotificationInbox } from "@/components/notifications/NotificationInbox";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requirePageActor("/notifications");
  const { notifications } = await listNotifications({ actor });
  return (
    <main>
      <h1>Notifications</h1>
      <NotificationInbox initial={notifications} />
    </main>
  );
}
