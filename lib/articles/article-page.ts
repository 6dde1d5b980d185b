import { z } from "zod";
import { visibilityFor, visibleAnnotationSql } from "../access/visibility";
import { requireActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { searchTerms, tsqueryText } from "../search/terms";
import { parseInput, safeString } from "../validation";
import type { ArticleStatus } from "./status";
import type { ArticleSummary } from "./queries";

/** The Articles page's order of statuses, the order "sort by status" lists them in. */
export const ARTICLE_STATUSES: ArticleStatus[] = ["NOT_STARTED", "IN_PROGRESS", "IN_REVIEW", "DONE"];
export const ARTICLE_SORTS = ["relevance", "date", "title", "status"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
export const ARTICLE_PAGE_SIZE = 50;

export const articlePageQuerySchema = z.object({
  q: safeString("q").max(200, "q is too long (at most 200 characters)").optional(),
  sort: z.enum(ARTICLE_SORTS, { message: `sort must be one of ${ARTICLE_SORTS.join(", ")}` }).optional(),
  status: z
    .enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]], {
      message: `status must be one of ${ARTICLE_STATUSES.join(", ")}`,
    })
    .optional(),
  outlet: safeString("outlet").max(1000, "outlet is too long").optional(),
  cursor: z.string({ message: "cursor must be text" }).max(2000, "cursor is not valid").optional(),
});

/** An article as the Articles list shows it (the summary without the counts it does not show). */
export type ArticleRow = Omit<ArticleSummary, "updatedAt" | "revisionCount">;

export type ArticlePage = { articles: ArticleRow[]; nextCursor: string | null; outlets: string[] };

type Cursor = [string | number, string];

function decodeCursor(text: string, sort: ArticleSort): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[1] === "string" &&
      /^[a-z0-9]{1,40}$/.test(value[1])
    ) {
      const [key] = value;
      if (sort === "title" && typeof key === "string" && key.length <= 1000 && !key.includes("\u0000"))
        return [key, value[1]];
      if (sort !== "title" && Number.isSafeInteger(key)) return [key as number, value[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "cursor is not valid; start again from the first page");
}

/**
 * One page of the Articles list: searched by title, outlet and author (prefixes, all words but one,
 * or a typo of the title), filtered by status and outlet, sorted by date (published, else added;
 * newest first), title or status, paged by a keyset cursor. Status is derived as on the list
 * (lib/articles/status.ts), in SQL here so it can filter and sort; annotation counts follow the
 * visibility rule.
 */
export async function listArticlePage(options: { actor: Actor | null; query: unknown }): Promise<ArticlePage> {
  const actor = requireActor(options.actor);
  const query = parseInput(articlePageQuerySchema, options.query);
  const text = query.q?.trim() ?? "";
  const groups = searchTerms(text);
  // A search lists the best matches first unless another order is asked for.
  const sort =
    query.sort === "relevance" && !groups.length ? "date" : (query.sort ?? (groups.length ? "relevance" : "date"));
  const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  const visibility = await visibilityFor(db, actor);
  const conditions = [Prisma.sql`ar."workspaceId" = ${actor.workspaceId}`];
  const tsquery = Prisma.sql`to_tsquery(factmark_search_config(${actor.workspaceId}), ${tsqueryText(groups, groups.length - 1)})`;
  if (groups.length)
    conditions.push(Prisma.sql`(ar."searchVector" @@ ${tsquery} OR ${text.toLowerCase()} <% ar.title)`);
  if (query.outlet) conditions.push(Prisma.sql`ar.outlet = ${query.outlet}`);
  // The sort key per row, and the keyset comparison in the sort's direction.
  const key = {
    relevance: Prisma.sql`((0.7 * ts_rank(ar."searchVector", ${tsquery}, 32) + 0.3 * word_similarity(${text.toLowerCase()}, ar.title)) * 1e9)::bigint`,
    date: Prisma.sql`(extract(epoch FROM coalesce(ar."publishedAt", ar."createdAt")) * 1000)::bigint`,
    title: Prisma.sql`lower(ar.title)`,
    status: Prisma.sql`status_rank`,
  }[sort];
  const descending = sort === "date" || sort === "relevance";
  const order = descending ? Prisma.sql`key DESC, id DESC` : Prisma.sql`key ASC, id ASC`;
  const keyset = !after
    ? Prisma.sql`TRUE`
    : descending
      ? Prisma.sql`(key, id) < (${after[0]}::bigint, ${after[1]})`
      : sort === "title"
        ? Prisma.sql`(key, id) > (${after[0]}::text, ${after[1]})`
        : Prisma.sql`(key, id) > (${after[0]}::int, ${after[1]})`;
  const statusRank = query.status ? ARTICLE_STATUSES.indexOf(query.status) : null;
  const [rows, outlets] = await Promise.all([
    db.$queryRaw<
      (Omit<ArticleRow, "status" | "annotationCount"> & {
        key: string | number | bigint;
        status_rank: number;
        annotationCount: bigint;
      })[]
    >`
      WITH stats AS (
        SELECT a."articleId", count(*) AS total,
               count(*) FILTER (WHERE a.placement <> 'DISMISSED') AS placed,
               count(*) FILTER (WHERE a.placement <> 'DISMISSED' AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')) AS open,
               count(*) FILTER (WHERE a.placement <> 'DISMISSED' AND a.status = 'SUBMITTED') AS submitted
        FROM "Annotation" a WHERE ${visibleAnnotationSql(visibility, "a")} AND a."supersededAt" IS NULL GROUP BY a."articleId"
      ), ranked AS (
        SELECT ar.id, ar.title, ar.outlet, ar.section, ar."publishedAt", ar."createdAt", ar."searchVector", coalesce(s.total, 0) AS "annotationCount",
               CASE WHEN coalesce(s.placed, 0) = 0 THEN 0 WHEN s.open > 0 THEN 1 WHEN s.submitted > 0 THEN 2 ELSE 3 END AS status_rank
        FROM "Article" ar LEFT JOIN stats s ON s."articleId" = ar.id
        WHERE ${Prisma.join(conditions, " AND ")}
      ), keyed AS (SELECT ar.*, ${key} AS key FROM ranked ar)
      SELECT id, title, outlet, section, "publishedAt", "createdAt", "annotationCount", status_rank, key FROM keyed
        WHERE ${statusRank === null ? Prisma.sql`TRUE` : Prisma.sql`status_rank = ${statusRank}`} AND ${keyset}
      ORDER BY ${order} LIMIT ${ARTICLE_PAGE_SIZE + 1}`,
    db.$queryRaw<
      { outlet: string }[]
    >`SELECT DISTINCT outlet FROM "Article" WHERE "workspaceId" = ${actor.workspaceId} AND outlet IS NOT NULL ORDER BY outlet LIMIT 500`,
  ]);
  const page = rows.slice(0, ARTICLE_PAGE_SIZE);
  const last = page.at(-1);
  const lastKey = last ? (typeof last.key === "bigint" ? Number(last.key) : last.key) : null;
  return {
    articles: page.map((row) => ({
      id: row.id,
      title: row.title,
      outlet: row.outlet,
      section: row.section,
      publishedAt: row.publishedAt,
      createdAt: row.createdAt,
      annotationCount: Number(row.annotationCount),
      status: ARTICLE_STATUSES[row.status_rank],
    })),
    nextCursor:
      rows.length > ARTICLE_PAGE_SIZE && last
        ? Buffer.from(JSON.stringify([lastKey, last.id])).toString("base64url")
        : null,
    outlets: outlets.map((o) => o.outlet),
  };
}
