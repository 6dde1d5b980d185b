import { z } from "zod";
import {
  visibilityFor,
  visibleAnnotationSql,
  visibleInclude,
  visibleReusedFromId,
  type Visibility,
} from "../access/visibility";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AnnotationStatus } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { annotationInclude } from "../annotations/view";
import { calendarDate, idSchema, int4Param, safeString, startOfDay, startOfNextDay } from "../validation";

import { EXPORT_FORMATS } from "./formats";

const STATUSES = Object.values(AnnotationStatus);

/** "a,b" or ["a", "b"] (a repeated query parameter) to a list without blanks. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? value.split(",") : value),
      z.array(item).max(50, "At most 50 values"),
    )
    .optional();

const dateParam = (label: string) => calendarDate(label).optional();

/** The query of `GET /api/export` and the CLI: which format, and which annotations. */
export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    article: idSchema.optional(),
    status: list(z.enum(STATUSES, { message: `status must be one of ${STATUSES.join(", ")}` })),
    verdict: list(safeString("verdict").trim().min(1, "verdict must not be empty").max(64, "verdict: unknown key")),
    /** Annotations created on or after this day (UTC). */
    from: dateParam("from"),
    /** Annotations created on or before this day (UTC). */
    to: dateParam("to"),
    /** W3C only: one page of the collection (0-based) instead of the whole of it. */
    page: int4Param("page").optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type ExportQuery = z.output<typeof exportQuerySchema>;

/** Which annotations an export holds: always one workspace's live ones (not dismissed), narrowed by the query. */
export type Selection = {
  workspaceId: string;
  /** What the exporter may see (lib/access/visibility.ts): a blind second opinion hides work from them here too. */
  visibility: Visibility;
  articleId?: string;
  statuses?: AnnotationStatus[];
  verdictKeys?: string[];
  createdFrom?: Date;
  /** Exclusive. */
  createdBefore?: Date;
};

export async function selectionFor(actor: Actor, query: ExportQuery): Promise<Selection> {
  return {
    workspaceId: actor.workspaceId,
    visibility: await visibilityFor(db, actor),
    articleId: query.article,
    statuses: query.status,
    verdictKeys: query.verdict,
    createdFrom: query.from ? startOfDay(query.from) : undefined,
    createdBefore: (query.to && startOfNextDay(query.to)) || undefined,
  };
}

/**
 * The selection as SQL conditions on "Annotation" a. Exports page through the rows with a keyset
 * (a row comparison on the index that matches their order), which Prisma's query API cannot say.
 */
export function selectionSql(selection: Selection): Prisma.Sql {
  // Dismissed orphans and superseded (corrected) annotations are kept for the record only: no export carries them.
  const conditions = [
    visibleAnnotationSql(selection.visibility),
    Prisma.sql`a."supersededAt" IS NULL`,
    Prisma.sql`a.placement <> 'DISMISSED'`,
  ];
  if (selection.articleId) conditions.push(Prisma.sql`a."articleId" = ${selection.articleId}`);
  if (selection.statuses) {
    conditions.push(
      selection.statuses.length
        ? Prisma.sql`a.status::text IN (${Prisma.join(selection.statuses)})`
        : Prisma.sql`FALSE`,
    );
  }
  if (selection.verdictKeys) {
    conditions.push(Prisma.sql`a."verdictOptionId" IN (SELECT o.id FROM "VerdictOption" o JOIN "VerdictScale" s ON s.id = o."scaleId"
      WHERE s."workspaceId" = ${selection.workspaceId} AND o.key IN (${Prisma.join(selection.verdictKeys)}))`);
  }
  if (selection.createdFrom) conditions.push(Prisma.sql`a."createdAt" >= ${selection.createdFrom}`);
  if (selection.createdBefore) conditions.push(Prisma.sql`a."createdAt" < ${selection.createdBefore}`);
  return Prisma.join(conditions, " AND ");
}

export async function countSelected(selection: Selection): Promise<number> {
  const [row] = await db.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM "Annotation" a WHERE ${selectionSql(selection)}`;
  return Number(row.count);
}

/** Everything any export format needs of an annotation, beyond the UI's view. */
export const exportInclude = {
  ...annotationInclude,
  author: { select: { id: true, name: true, email: true } },
  notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true, email: true } } } },
  reviews: { orderBy: { createdAt: "asc" }, include: { editor: { select: { name: true, email: true } } } },
  reusedFromReference: { select: { url: true } },
  // Read only to judge whether the reader may see it (annotationBatches).
  reusedFrom: {
    select: { id: true, workspaceId: true, articleId: true, authorId: true, priorAuthorIds: true, deletedAt: true },
  },
} satisfies Prisma.AnnotationInclude;

export type ExportRow = Prisma.AnnotationGetPayload<{ include: typeof exportInclude }>;

type Key = { id: string; articleId: string; start: number };

/** The selection, past `after` in the exports' order (article, start, id): the keyset of a batch. */
export function annotationKeysAfter(selection: Selection, after?: Key): Prisma.Sql {
  return after
    ? Prisma.sql`${selectionSql(selection)} AND (a."articleId", a.start, a.id) > (${after.articleId}, ${after.start}, ${after.id})`
    : selectionSql(selection);
}

/**
 * The selected annotations in article and text order, in batches. Each batch is two short queries
 * (the next keys after the last row, then those rows with their relations), so the cost per batch
 * stays the same however deep into a large export it is, no connection is held between batches,
 * memory stays flat, and a consumer that stops early leaves nothing open. `skip` and `limit` serve
 * a single page.
 */
export async function* annotationBatches(
  selection: Selection,
  batchSize = 500,
  skip = 0,
  limit = Infinity,
): AsyncGenerator<ExportRow[]> {
  let after: Key | undefined;
  let remaining = limit;
  const include = visibleInclude(exportInclude, selection.visibility);
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const keys = await db.$queryRaw<Key[]>`
      SELECT a.id, a."articleId", a.start FROM "Annotation" a
      WHERE ${annotationKeysAfter(selection, after)}
      ORDER BY a."articleId", a.start, a.id
      LIMIT ${take} ${after ? Prisma.empty : Prisma.sql`OFFSET ${skip}`}`;
    if (keys.length === 0) return;
    const rows = await db.annotation.findMany({ where: { id: { in: keys.map((k) => k.id) } }, include });
    // A reused check hidden from the reader (a blind second opinion) is not named.
    const byId = new Map(
      rows.map((row) => [row.id, { ...row, reusedFromId: visibleReusedFromId(selection.visibility, row.reusedFrom) }]),
    );
    yield keys.map((key) => byId.get(key.id)).filter((row): row is ExportRow => row !== undefined);
    if (keys.length < take) return;
    remaining -= keys.length;
    after = keys[keys.length - 1];
  }
}

/** The articles that hold at least one selected annotation, in id order, in batches. */
export async function* articleBatches(selection: Selection, batchSize = 500) {
  let after: string | undefined;
  for (;;) {
    const ids = await db.$queryRaw<{ articleId: string }[]>`
      SELECT DISTINCT a."articleId" FROM "Annotation" a
      WHERE ${selectionSql(selection)} ${after ? Prisma.sql`AND a."articleId" > ${after}` : Prisma.empty}
      ORDER BY a."articleId" LIMIT ${batchSize}`;
    if (ids.length === 0) return;
    yield await db.article.findMany({
      where: { id: { in: ids.map((row) => row.articleId) } },
      orderBy: { id: "asc" },
      include: {
        revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, textHash: true } },
      },
    });
    if (ids.length < batchSize) return;
    after = ids[ids.length - 1].articleId;
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
