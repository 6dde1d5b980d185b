"use client";

import { useState } from "react";
import Link from "next/link";
import type { NotificationView } from "@/lib/notifications/inbox";

const KIND_LABEL: Record<string, string> = {
  mention: "mentioned you",
  changes_requested: "sent your annotation back",
  approved: "approved your annotation",
  published: "published your annotation",
  second_opinion: "asked you for a blind second opinion",
  assigned: "assigned you an article",
};

async function markRead(body: { ids: string[] } | { all: true }) {
  await fetch("/api/notifications/read", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => {});
}

/** The inbox: newest first, unread ones marked; mark one or all read. Every item links to what it is about. */
export function NotificationInbox({ initial }: { initial: NotificationView[] }) {
  const [items, setItems] = useState(initial);
  const read = (ids: string[] | "all") => {
    const at = new Date().toISOString();
    setItems((current) =>
      current.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? at } : n)),
    );
    void markRead(ids === "all" ? { all: true } : { ids });
  };
  if (items.length === 0)
    return (
      <p className="muted">
        Nothing yet: mentions, decisions on your work, second opinions and assignments arrive here.
      </p>
    );
  return (
    <>
      <button type="button" onClick={() => read("all")} disabled={items.every((n) => n.readAt)}>
        Mark all read
      </button>
      <ul className="entries notifications" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "read" : "unread"} data-testid="notification">
            <Link href={n.href} onClick={() => !n.readAt && read([n.id])}>
              <strong>{n.actor ?? "Someone"}</strong> {KIND_LABEL[n.kind] ?? n.kind} on “{n.article.title}”
            </Link>
            <div className="muted">{n.text}</div>
            {!n.readAt && (
              <button type="button" className="link" onClick={() => read([n.id])}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
