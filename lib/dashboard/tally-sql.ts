import { Prisma } from "../db/generated/client";
import { hiddenAnnotationSql } from "../access/visibility";
import type { ResolvedFilters } from "./filters";

/**
 * Where the dashboard's counts come from (#15). The trigger-kept tallies
 * (prisma/routines/30-dashboard-tallies.sql) count the workspace's current annotations per week
 * of creation, author, verdict, status and orphaned-or-not ("DashboardTally") and per article
 * and verdict ("ArticleTally"); summing them replaces reading every annotation. What they cannot
 * answer is read from annotation rows, and only that:
 * - the days of a date range that do not fill a whole week (its first and last partial weeks);
 * - what the reader's open blinds hide (lib/access/visibility.ts), taken away again: a blind
 *   covers one article, so these are a few rows;
 * - an article filter: the tallies have no article in "DashboardTally", and one article's rows
 *   are few, so that view reads its rows (the fallback);
 * - the top articles under a date range or a reviewer ("ArticleTally" has neither): read from
 *   rows, through the covering index of date-range views or the author index.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of `d`'s week, or of the next week when `up` and `d` is not a Monday midnight: PostgreSQL's date_trunc('week'). */
function monday(d: Date, up: boolean): Date {
  const floor = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  return up && floor.getTime() < d.getTime() ? new Date(floor.getTime() + 7 * DAY_MS) : floor;
}

type Range = { from: Date | null; before: Date | null };

/** Splits the filter's creation range into whole weeks (read from tallies; null when none) and the partial weeks at its edges (read from rows). */
export function splitWeeks(f: Pick<ResolvedFilters, "createdFrom" | "createdBefore">): { weeks: Range | null; edges: Range[] } {
  const { createdFrom: from, createdBefore: before } = f;
  const first = from && monday(from, true);
  const last = before && monday(before, false);
  if (first && last && first.getTime() >= last.getTime()) return { weeks: null, edges: [{ from, before }] };
  const edges: Range[] = [];
  if (from && first!.getTime() > from.getTime()) edges.push({ from, before: first });
  if (before && last!.getTime() < before.getTime()) edges.push({ from: last, before });
  return { weeks: { from: first, before: last }, edges };
}

function inRange(column: Prisma.Sql, r: Range): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (r.from) parts.push(Prisma.sql`${column} >= ${r.from}`);
  if (r.before) parts.push(Prisma.sql`${column} < ${r.before}`);
  return Prisma.join(parts, " AND ");
}

/** The rows' conditions, given by lib/dashboard/sql.ts: everything counted, and what the annotation itself must be (reviewer, verdict). */
export type Conditions = { matches: (f: ResolvedFilters, a: string) => Prisma.Sql; current: (a: string) => Prisma.Sql; subject: (f: ResolvedFilters, a: string) => Prisma.Sql };

const rowColumns = Prisma.sql`a."verdictOptionId" AS verdict, a."authorId" AS author, date_trunc('week', a."createdAt") AS week, a.status, (a.placement = 'ORPHANED') AS orphaned`;
const ONE = Prisma.sql`1 AS n, (a."approvedAt" IS NOT NULL)::int AS approved`;
const MINUS_ONE = Prisma.sql`-1 AS n, -(a."approvedAt" IS NOT NULL)::int AS approved`;

/**
 * The body of a CTE `counted (verdict, author, week, status, orphaned, n, approved)` whose sums,
 * grouped any way, are the counts of annotations matching the filters, and `n`'s sum of those
 * ever approved `approved`'s.
 */
export function countedSql(f: ResolvedFilters, c: Conditions): Prisma.Sql {
  if (f.articleId) return Prisma.sql`SELECT ${rowColumns}, ${ONE} FROM "Annotation" a WHERE ${c.matches(f, "a")}`;
  const { weeks, edges } = splitWeeks(f);
  const parts: Prisma.Sql[] = [];
  if (weeks) {
    const tally = [Prisma.sql`t."workspaceId" = ${f.workspaceId}`, inRange(Prisma.sql`t.week`, weeks)];
    if (f.authorId) tally.push(Prisma.sql`t."authorId" = ${f.authorId}`);
    if (f.verdictOptionId) tally.push(Prisma.sql`t."verdictOptionId" = ${f.verdictOptionId}`);
    parts.push(Prisma.sql`SELECT t."verdictOptionId", t."authorId", t.week, t.status, t.orphaned, t.count, t.approved FROM "DashboardTally" t WHERE ${Prisma.join(tally, " AND ")}`);
    const hidden = hiddenAnnotationSql(f.visibility, "a");
    if (hidden) {
      parts.push(Prisma.sql`SELECT ${rowColumns}, ${MINUS_ONE} FROM "Annotation" a
        WHERE ${hidden} AND ${c.current("a")} AND ${c.subject(f, "a")} AND ${inRange(Prisma.sql`a."createdAt"`, weeks)}`);
    }
  }
  if (edges.length > 0) {
    const within = Prisma.join(edges.map((e) => Prisma.sql`(${inRange(Prisma.sql`a."createdAt"`, e)})`), " OR ");
    parts.push(Prisma.sql`SELECT ${rowColumns}, ${ONE} FROM "Annotation" a WHERE ${c.matches(f, "a")} AND (${within})`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

/** The body of a CTE `per ("articleId", "verdictOptionId", count)`: matching annotations per article and verdict. */
export function perArticleSql(f: ResolvedFilters, c: Conditions): Prisma.Sql {
  const raw = Prisma.sql`SELECT a."articleId", a."verdictOptionId", count(*)::int AS count FROM "Annotation" a WHERE ${c.matches(f, "a")} GROUP BY 1, 2`;
  if (f.articleId || f.authorId || f.createdFrom || f.createdBefore) return raw;
  const verdict = f.verdictOptionId ? Prisma.sql`AND t."verdictOptionId" = ${f.verdictOptionId}` : Prisma.empty;
  const hidden = hiddenAnnotationSql(f.visibility, "a");
  const minus = hidden
    ? Prisma.sql`UNION ALL SELECT a."articleId", a."verdictOptionId", -1 FROM "Annotation" a WHERE ${hidden} AND ${c.current("a")} AND ${c.subject(f, "a")}`
    : Prisma.empty;
  return Prisma.sql`
    SELECT "articleId", "verdictOptionId", sum(count)::int AS count FROM (
      SELECT t."articleId", t."verdictOptionId", t.count FROM "ArticleTally" t WHERE t."workspaceId" = ${f.workspaceId} ${verdict} ${minus}
    ) x GROUP BY 1, 2 HAVING sum(count) <> 0`;
}
