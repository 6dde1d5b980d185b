import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { calendarDate, idSchema, parseInput, startOfDay } from "../validation";
import { recordAudit } from "../audit/record";
import { notify } from "../notifications/notify";

export const MAX_ASSIGNEES = 20;

/** The article's whole list of assignees: people left out are unassigned. `dueOn` is a UTC day. */
export const assignmentsSchema = z.strictObject({
  assignments: z
    .array(z.strictObject({ userId: idSchema, dueOn: calendarDate("dueOn").nullable().optional() }))
    .max(MAX_ASSIGNEES, `assignments: at most ${MAX_ASSIGNEES} people`)
    .refine((list) => new Set(list.map((a) => a.userId)).size === list.length, "assignments: each person once"),
});

export type AssignmentView = { userId: string; name: string; dueOn: string | null };

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function findArticle(actor: Actor, articleId: unknown) {
  const id = parseInput(idSchema, articleId);
  const article = await db.article.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: { id: true, title: true },
  });
  if (!article) throw notFound("Article");
  return article;
}

/** Who the article is assigned to, with due days. Any member. */
export async function listAssignments(options: { actor: Actor | null; articleId: unknown }): Promise<AssignmentView[]> {
  const actor = requireActor(options.actor);
  const article = await findArticle(actor, options.articleId);
  const rows = await db.articleAssignment.findMany({
    where: { articleId: article.id, workspaceId: actor.workspaceId },
    orderBy: { createdAt: "asc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.userId) } },
    select: { id: true, name: true },
  });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ userId: r.userId, name: name.get(r.userId) ?? "", dueOn: dayOf(r.dueAt) }));
}

/**
 * Sets who the article is assigned to (editors and admins): each an active member, with an
 * optional due day. Newly assigned people are notified; changes are audited; all in one
 * transaction.
 */
export async function setAssignments(options: {
  actor: Actor | null;
  articleId: unknown;
  input: unknown;
}): Promise<AssignmentView[]> {
  const actor = requireRole(options.actor, "EDITOR");
  const article = await findArticle(actor, options.articleId);
  const { assignments } = parseInput(assignmentsSchema, options.input);
  await db.$transaction(async (tx) => {
    const userIds = assignments.map((a) => a.userId);
    const members = await tx.membership.count({
      where: { workspaceId: actor.workspaceId, deactivatedAt: null, userId: { in: userIds } },
    });
    if (members !== userIds.length)
      throw new AppError("BAD_REQUEST", "assignments: everyone assigned must be an active member of this workspace");
    const before = await tx.articleAssignment.findMany({
      where: { articleId: article.id },
      select: { userId: true, dueAt: true },
    });
    await tx.articleAssignment.deleteMany({ where: { articleId: article.id, userId: { notIn: userIds } } });
    for (const a of assignments) {
      const dueAt = a.dueOn ? startOfDay(a.dueOn) : null;
      await tx.articleAssignment.upsert({
        where: { articleId_userId: { articleId: article.id, userId: a.userId } },
        create: {
          workspaceId: actor.workspaceId,
          articleId: article.id,
          userId: a.userId,
          dueAt,
          assignedById: actor.userId,
        },
        update: { dueAt },
      });
    }
    await recordAudit(tx, actor, {
      entityType: "article",
      entityId: article.id,
      action: "assignments.set",
      before: before.map((b) => ({ userId: b.userId, dueOn: dayOf(b.dueAt) })),
      after: assignments.map((a) => ({ userId: a.userId, dueOn: a.dueOn ?? null })),
    });
    const added = assignments.filter((a) => !before.some((b) => b.userId === a.userId));
    await notify(
      tx,
      actor,
      added.map((a) => ({
        userId: a.userId,
        kind: "assigned",
        articleId: article.id,
        text: a.dueOn ? `${article.title} (due ${a.dueOn})` : article.title,
      })),
    );
  });
  return listAssignments({ actor, articleId: article.id });
}

export type MyAssignment = { article: { id: string; title: string }; dueOn: string | null; overdue: boolean };

/** A due day is overdue once it has passed (UTC): due today is not yet late. */
const overdueBefore = (now: Date) => startOfDay(now.toISOString().slice(0, 10));

/** The articles assigned to the actor, soonest due first (no due day last). */
export async function listMyAssignments(options: { actor: Actor | null; now?: Date }): Promise<MyAssignment[]> {
  const actor = requireActor(options.actor);
  const rows = await db.articleAssignment.findMany({
    where: { userId: actor.userId, workspaceId: actor.workspaceId },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
  });
  const articles = await db.article.findMany({
    where: { id: { in: rows.map((r) => r.articleId) }, workspaceId: actor.workspaceId },
    select: { id: true, title: true },
  });
  const title = new Map(articles.map((a) => [a.id, a.title]));
  const cutoff = overdueBefore(options.now ?? new Date());
  return rows
    .filter((r) => title.has(r.articleId))
    .map((r) => ({
      article: { id: r.articleId, title: title.get(r.articleId)! },
      dueOn: dayOf(r.dueAt),
      overdue: r.dueAt !== null && r.dueAt < cutoff,
    }));
}

/** How many assignments of the workspace are past their due day (the dashboard). Editors and admins. */
export async function countOverdueAssignments(options: { actor: Actor | null; now?: Date }): Promise<number> {
  const actor = requireRole(options.actor, "EDITOR");
  return db.articleAssignment.count({
    where: { workspaceId: actor.workspaceId, dueAt: { lt: overdueBefore(options.now ?? new Date()) } },
  });
}
