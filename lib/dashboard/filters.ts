import { z } from "zod";
import { db } from "../db/client";
import { visibilityFor, type Visibility } from "../access/visibility";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { calendarDate, idSchema, safeString, startOfDay, startOfNextDay } from "../validation";

/** The longest date range a dashboard takes: ten years covers any desk's history. */
export const MAX_RANGE_DAYS = 3660;
const DAY_MS = 24 * 60 * 60 * 1000;

const day = (label: string) =>
  z
    .union([z.literal(""), calendarDate(label)])
    .optional()
    .transform((v) => v || undefined);
const optionalId = z
  .union([z.literal(""), idSchema])
  .optional()
  .transform((v) => v || undefined);

/**
 * The dashboards' filters, as they appear in the URL (so a view can be shared as a link): a date
 * range on when annotations were created (inclusive days, UTC), one article, one reviewer (the
 * author), one verdict (the scale option's key). Empty means "any".
 */
export const dashboardFilterSchema = z
  .object({
    from: day("From"),
    to: day("To"),
    article: optionalId,
    reviewer: optionalId,
    verdict: safeString("verdict")
      .trim()
      .max(64, "Unknown verdict")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "From must not be after To", path: ["to"] })
  .refine((f) => !f.from || !f.to || (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS <= MAX_RANGE_DAYS, {
    message: `The date range is too long (${MAX_RANGE_DAYS} days at most)`,
    path: ["to"],
  });

export type DashboardFilters = z.output<typeof dashboardFilterSchema>;

/** The filters as SQL inputs: ids resolved, dates as a half-open range. */
export type ResolvedFilters = {
  workspaceId: string;
  /** What the reader may see (lib/access/visibility.ts): a blind second opinion they are part of hides work here too. */
  visibility: Visibility;
  createdFrom: Date | null;
  createdBefore: Date | null;
  articleId: string | null;
  authorId: string | null;
  verdictOptionId: string | null;
};

/**
 * The article, reviewer and verdict a page's filters name, found in the actor's workspace: 400
 * naming the one that is not there, so a mistyped filter is explained rather than shown as an
 * empty page. The dashboards and the review queue share it.
 */
export async function findFilterTargets(
  actor: Actor,
  filters: { article?: string; reviewer?: string; verdict?: string },
) {
  const [article, member, option] = await Promise.all([
    filters.article
      ? db.article.findFirst({ where: { id: filters.article, workspaceId: actor.workspaceId }, select: { id: true } })
      : null,
    filters.reviewer
      ? db.membership.findFirst({
          where: { userId: filters.reviewer, workspaceId: actor.workspaceId },
          select: { userId: true },
        })
      : null,
    filters.verdict
      ? db.verdictOption.findFirst({
          where: { key: filters.verdict, scale: { workspaceId: actor.workspaceId } },
          select: { id: true },
        })
      : null,
  ]);
  if (filters.article && !article) throw new AppError("BAD_REQUEST", "article: no such article in this workspace");
  if (filters.reviewer && !member) throw new AppError("BAD_REQUEST", "reviewer: no such member of this workspace");
  if (filters.verdict && !option)
    throw new AppError(
      "BAD_REQUEST",
      `verdict: "${filters.verdict}" is not an option of this workspace's verdict scale`,
    );
  return { articleId: article?.id ?? null, authorId: member?.userId ?? null, verdictOptionId: option?.id ?? null };
}

/** Checks that the article, reviewer and verdict exist in the actor's workspace: 400 naming the one that does not. */
export async function resolveFilters(actor: Actor, filters: DashboardFilters): Promise<ResolvedFilters> {
  const [visibility, targets] = await Promise.all([visibilityFor(db, actor), findFilterTargets(actor, filters)]);
  return {
    workspaceId: actor.workspaceId,
    visibility,
    createdFrom: filters.from ? startOfDay(filters.from) : null,
    createdBefore: filters.to ? startOfNextDay(filters.to) : null,
    ...targets,
  };
}
