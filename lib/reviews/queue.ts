import { z } from "zod";
import { db } from "../db/client";
import { visibilityFor, visibleAnnotationWhere } from "../access/visibility";
import { requireRole, type Actor } from "../auth/actor";
import type { VerdictView } from "../annotations/view";
import { idSchema, parseInput, safeString } from "../validation";
import { findFilterTargets } from "../dashboard/filters";

/** The queue's filters, from the page's URL: empty fields mean "any". */
export const queueFilterSchema = z.object({
  article: z
    .union([z.literal(""), idSchema])
    .optional()
    .transform((v) => v || undefined),
  reviewer: z
    .union([z.literal(""), idSchema])
    .optional()
    .transform((v) => v || undefined),
  verdict: safeString("verdict")
    .trim()
    .max(64, "Unknown verdict")
    .optional()
    .transform((v) => v || undefined),
});

export type QueueItem = {
  id: string;
  claim: string;
  quote: string;
  rationale: string | null;
  verdict: VerdictView;
  author: { id: string; name: string };
  article: { id: string; title: string };
  version: number;
  sourceCount: number;
  submittedAt: Date;
};

/** The most a queue page lists; a desk with more waiting narrows it with the filters. */
export const QUEUE_LIMIT = 500;

/**
 * Submitted annotations across the workspace waiting for a decision, oldest submission first,
 * optionally narrowed to one article, reviewer or verdict (400 for one not in the workspace). Editors and admins only.
 */
export async function listReviewQueue(options: { actor: Actor | null; filters?: unknown }): Promise<QueueItem[]> {
  const actor = requireRole(options.actor, "EDITOR");
  const filters = parseInput(queueFilterSchema, options.filters ?? {});
  const [visibility, targets] = await Promise.all([visibilityFor(db, actor), findFilterTargets(actor, filters)]);
  const rows = await db.annotation.findMany({
    where: {
      // An editor can be one of a blind second opinion's reviewers too.
      ...visibleAnnotationWhere(visibility),
      status: "SUBMITTED",
      articleId: targets.articleId ?? undefined,
      authorId: targets.authorId ?? undefined,
      verdictOptionId: targets.verdictOptionId ?? undefined,
    },
    select: {
      id: true,
      claim: true,
      quote: true,
      rationale: true,
      version: true,
      updatedAt: true,
      importedAuthor: true,
      verdictOption: { select: { key: true, label: true, color: true, rating: true } },
      author: { select: { id: true, name: true } },
      article: { select: { id: true, title: true } },
      _count: { select: { sources: true } },
      reviews: {
        where: { toStatus: "SUBMITTED" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
    orderBy: { updatedAt: "asc" },
    take: QUEUE_LIMIT,
  });
  return rows
    .map((row) => ({
      id: row.id,
      claim: row.claim,
      quote: row.quote,
      rationale: row.rationale,
      verdict: row.verdictOption,
      author: { id: row.author.id, name: row.importedAuthor ?? row.author.name },
      article: row.article,
      version: row.version,
      sourceCount: row._count.sources,
      submittedAt: row.reviews[0]?.createdAt ?? row.updatedAt,
    }))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}
