"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { BellIcon } from "./BellIcon";
import { useArticleEvents, type LiveEvent } from "@/components/annotate/useArticleEvents";

/**
 * The header's bell: unread notifications, counted up live from the person's own stream (which
 * starts at the log position the count was read at, so none is missed or counted twice).
 */
export function NotificationBell({ initialUnread, since }: { initialUnread: number; since: string }) {
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  const onEvent = (event: LiveEvent) => {
    if (event.type === "notification") setUnread((n) => n + 1);
  };
  useArticleEvents({ articleId: null, since, onEvent, onReset: () => router.refresh() });
  return (
    <Link
      href="/notifications"
      prefetch={false}
      className="bell"
      data-testid="notification-bell"
      aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
    >
      <BellIcon />
      {unread > 0 && (
        <span className="bell-count" data-testid="unread-count">
          {unread}
        </span>
      )}
    </Link>
  );
}
