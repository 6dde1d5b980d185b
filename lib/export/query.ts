import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AnnotationStatus } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { annotationInclude } from "../annotations/view";
import { idSchema } from "../validation";

export const EXPORT_FORMATS = ["native", "w3c", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const STATUSES = Object.values(AnnotationStatus);

/** "a,b" or ["a", "b"] (a repeated query parameter) to a list without blanks. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",") : value), z.array(item).max(50, "At most 50 values")).optional();

const dateParam = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date as YYYY-MM-DD`)
    .refine((value) => !Number.isNaN(Date.parse(value)), `${label} is not a real date`)
    .optional();

/** The query of `GET /api/export` and the CLI: which format, and which annotations. */
export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    article: idSchema.optional(),
    status: list(z.enum(STATUSES, { message: `status must be one of ${STATUSES.join(", ")}` })),
    verdict: list(z.string().trim().min(1).max(64)),
    /** Annotations created on or after this day (UTC). */
    from: dateParam("from"),
    /** Annotations created on or before this day (UTC). */
    to: dateParam("to"),
    /** W3C only: one page of the collection (0-based) instead of the whole of it. */
    page: z.coerce.number({ message: "page must be a number" }).int("page must be a whole number").min(0, "page must not be negative").max(1_000_000, "page is too large").optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from must not be after to", path: ["from"] });

export type ExportQuery = z.output<typeof exportQuerySchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The live annotations of the actor's workspace that the query selects. */
export function annotationWhere(actor: Actor, query: ExportQuery): Prisma.AnnotationWhereInput {
  return {
    workspaceId: actor.workspaceId,
    deletedAt: null,
    articleId: query.article,
    status: query.status ? { in: query.status } : undefined,
    verdictOption: query.verdict ? { key: { in: query.verdict } } : undefined,
    createdAt: query.from || query.to ? { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(Date.parse(query.to) + DAY_MS) : undefined } : undefined,
  };
}

/** Everything any export format needs of an annotation, beyond the UI's view. */
export const exportInclude = {
  ...annotationInclude,
  author: { select: { id: true, name: true, email: true } },
  notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true, email: true } } } },
  reviews: { orderBy: { createdAt: "asc" }, include: { editor: { select: { name: true, email: true } } } },
} satisfies Prisma.AnnotationInclude;

export type ExportRow = Prisma.AnnotationGetPayload<{ include: typeof exportInclude }>;

/** Text order within each article; the id breaks ties so the keyset below is total. */
const EXPORT_ORDER: Prisma.AnnotationOrderByWithRelationInput[] = [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }];

/**
 * The selected annotations in batches, each read by its own short query that starts after the
 * last row of the one before (keyset, not offset). No connection or cursor is held between
 * batches, so memory stays flat and a consumer that stops early leaves nothing open.
 */
export async function* annotationBatches(where: Prisma.AnnotationWhereInput, batchSize = 500, skip = 0, limit = Infinity): AsyncGenerator<ExportRow[]> {
  let after: string | undefined;
  let remaining = limit;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const rows = await db.annotation.findMany({
      where,
      include: exportInclude,
      orderBy: EXPORT_ORDER,
      take,
      ...(after ? { cursor: { id: after }, skip: 1 } : { skip }),
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < take) return;
    remaining -= rows.length;
    after = rows[rows.length - 1].id;
  }
}

/** The articles that hold at least one selected annotation, in id order, in batches. */
export async function* articleBatches(actor: Actor, where: Prisma.AnnotationWhereInput, batchSize = 500) {
  let after: string | undefined;
  for (;;) {
    const rows = await db.article.findMany({
      where: { workspaceId: actor.workspaceId, annotations: { some: where } },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      include: { revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, textHash: true } } },
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}

export type ArticleText = { id: string; title: string; sourceUrl: string | null; text: string };

/**
 * The articles and revision texts a batch of annotations points at. Remembers the last few, since
 * batches run in article order and usually continue the article the previous one ended in.
 */
export function revisionTexts() {
  const cache = new Map<string, ArticleText>();
  return async (rows: ExportRow[]): Promise<Map<string, ArticleText>> => {
    const needed = [...new Set(rows.map((row) => row.revisionId))];
    let missing = needed.filter((id) => !cache.has(id));
    if (cache.size + missing.length > 64) {
      cache.clear();
      missing = needed;
    }
    if (missing.length > 0) {
      const revisions = await db.articleRevision.findMany({
        where: { id: { in: missing } },
        select: { id: true, text: true, article: { select: { id: true, title: true, sourceUrl: true } } },
      });
      for (const revision of revisions) cache.set(revision.id, { ...revision.article, text: revision.text });
    }
    return cache;
  };
}
