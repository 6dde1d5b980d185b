import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { requireActor, requireMember, type Actor } from "../auth/actor";
import { idSchema, parseInput } from "../validation";
import { annotationHref } from "../annotations/links";

export type NotificationView = {
  id: string;
  kind: string;
  text: string;
  actor: string | null;
  article: { id: string; title: string };
  annotationId: string | null;
  /** Where it leads: the annotation in its article, or the article. */
  href: string;
  readAt: string | null;
  createdAt: string;
};

const PAGE = 100;

/**
 * The actor's latest notifications (up to 100, newest first) and how many are unread. Only their
 * own, in their workspace; a token (not a person) has none to read and gets 403.
 */
export async function listNotifications(options: {
  actor: Actor | null;
}): Promise<{ unread: number; notifications: NotificationView[] }> {
  const actor = requireMember(options.actor);
  const where = { userId: actor.userId, workspaceId: actor.workspaceId };
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { ...where, readAt: null } }),
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, take: PAGE }),
  ]);
  const [articles, actors] = await Promise.all([
    db.article.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.articleId))] }, workspaceId: actor.workspaceId },
      select: { id: true, title: true },
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } },
      select: { id: true, name: true },
    }),
  ]);
  const title = new Map(articles.map((a) => [a.id, a.title]));
  const name = new Map(actors.map((a) => [a.id, a.name]));
  return {
    unread,
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      actor: r.actorId ? (name.get(r.actorId) ?? null) : null,
      article: { id: r.articleId, title: title.get(r.articleId) ?? "(deleted article)" },
      annotationId: r.annotationId,
      href: r.annotationId ? annotationHref(r.articleId, r.annotationId) : `/articles/${r.articleId}`,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** How many of the actor's notifications are unread (the bell). */
export async function countUnread(options: { actor: Actor | null }): Promise<number> {
  const actor = requireActor(options.actor);
  if (actor.tokenId) return 0;
  return db.notification.count({ where: { userId: actor.userId, workspaceId: actor.workspaceId, readAt: null } });
}

export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1).max(PAGE) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** Marks some (by id) or all of the actor's notifications read; others' ids are ignored, never touched. */
export async function markNotificationsRead(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ unread: number }> {
  const actor = requireMember(options.actor);
  const input = parseInput(markReadSchema, options.input);
  const where = { userId: actor.userId, workspaceId: actor.workspaceId, readAt: null };
  await db.notification.updateMany({
    where: "ids" in input ? { ...where, id: { in: input.ids } } : where,
    data: { readAt: new Date() },
  });
  return { unread: await db.notification.count({ where }) };
}
