import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { visibleAnnotationSql } from "../access/visibility";
import type { ResolvedFilters } from "./filters";
import {
  COUNTED_COLUMNS,
  articleTotalsSql,
  countedSql,
  perArticleSql,
  inRange,
  splitWeeks,
  type Conditions,
} from "./tally-sql";

/**
 * The dashboards' SQL. Every figure is an aggregate computed by PostgreSQL over the current
 * annotations (live, not superseded by a correction, not dismissed); the partial covering index
 * Annotation_dashboard_idx (workspace, created) lets date-range views read index-only, and
 * agreement reads the trigger-kept "AgreementPair" instead of joining annotations. Each builder returns a Prisma.Sql, which the app runs through Prisma and the
 * benchmark runs again through plain pg (its .text and .values) to measure the overhead.
 */

/**
 * Runs one of the builders' queries. No authorization here: the workspace is inside the resolved
 * filters, so callers check the actor first (getDashboard, getAgreementReport); the benchmark
 * calls it directly to time the app's path.
 */
export function unsafeRunAggregate<T>(sql: Prisma.Sql): Promise<T> {
  return db.$queryRaw<T>(sql);
}

const current = (a: string) => Prisma.raw(`${a}."supersededAt" IS NULL AND ${a}.placement <> 'DISMISSED'`);

/** What the viewer may see (workspace, live, blind second opinions), date range and article: the conditions that apply to every annotation counted. */
function scope(f: ResolvedFilters, a: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${a}."${name}"`);
  const parts = [visibleAnnotationSql(f.visibility, a), current(a)];
  if (f.createdFrom) parts.push(Prisma.sql`${col("createdAt")} >= ${f.createdFrom}`);
  if (f.createdBefore) parts.push(Prisma.sql`${col("createdAt")} < ${f.createdBefore}`);
  if (f.articleId) parts.push(Prisma.sql`${col("articleId")} = ${f.articleId}`);
  return Prisma.join(parts, " AND ");
}

/** Reviewer and verdict: what the annotation itself must be. */
function subject(f: ResolvedFilters, a: string): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (f.authorId) parts.push(Prisma.sql`${Prisma.raw(`${a}."authorId"`)} = ${f.authorId}`);
  if (f.verdictOptionId) parts.push(Prisma.sql`${Prisma.raw(`${a}."verdictOptionId"`)} = ${f.verdictOptionId}`);
  return Prisma.join(parts, " AND ");
}

const matches = (f: ResolvedFilters, a = "a"): Prisma.Sql => Prisma.sql`${scope(f, a)} AND ${subject(f, a)}`;

const conditions: Conditions = { matches: (f, a) => matches(f, a), current, subject };

/** `counted` (lib/dashboard/tally-sql.ts): the tallies, plus rows for what they cannot answer. */
const withCounted = (f: ResolvedFilters) =>
  Prisma.sql`WITH counted (${COUNTED_COLUMNS}) AS (${countedSql(f, conditions)})`;

/**
 * One pass, several groupings (GROUPING SETS): the total, verdicts overall, per reviewer and per
 * week, and per reviewer alone; each row carries its counts by status and of orphans. A column
 * is null where its set does not group it. Summed tallies can net to zero (a blind took them
 * away): such groups are no group.
 */
export function breakdownSql(f: ResolvedFilters): Prisma.Sql {
  return Prisma.sql`${withCounted(f)}
    SELECT verdict, author, week, sum(n)::int AS count, sum(orphaned)::int AS orphaned,
           sum(draft)::int AS "DRAFT", sum(submitted)::int AS "SUBMITTED", sum("changesRequested")::int AS "CHANGES_REQUESTED",
           sum("approvedStatus")::int AS "APPROVED", sum(published)::int AS "PUBLISHED"
    FROM counted
    GROUP BY GROUPING SETS ((), (verdict), (author, verdict), (week, verdict), (author))
    HAVING sum(n) <> 0`;
}

/** `SELECT "articleId", count`: every article's matching annotations under a date range alone (null for other views). */
export function rangeArticleTotalsSql(f: ResolvedFilters): Prisma.Sql | null {
  return articleTotalsSql(f, conditions);
}

/**
 * The articles with the most annotations (at most `limit`), with their verdict counts. Under a
 * date range (and no other filter) the articles' totals come from the weekly article tally and
 * only the chosen articles' verdicts are counted from rows, through Annotation_article_dashboard_idx.
 */
export function topArticlesSql(f: ResolvedFilters, limit: number): Prisma.Sql {
  const totals = rangeArticleTotalsSql(f);
  if (totals)
    return Prisma.sql`
      WITH totals AS (${totals}), top AS (
        SELECT "articleId", count AS total FROM totals ORDER BY total DESC, "articleId" LIMIT ${limit}
      ), per AS (
        SELECT a."articleId", a."verdictOptionId", count(*)::int AS count FROM "Annotation" a
        WHERE ${matches(f)} AND a."articleId" IN (SELECT "articleId" FROM top) GROUP BY 1, 2
      )
      SELECT per."articleId" AS article, ar.title, per."verdictOptionId" AS verdict, per.count
      FROM per JOIN top USING ("articleId") JOIN "Article" ar ON ar.id = per."articleId"
      ORDER BY top.total DESC, per."articleId"`;
  return Prisma.sql`
    WITH per AS (${perArticleSql(f, conditions)}), top AS (
      SELECT "articleId", sum(count) AS total FROM per GROUP BY 1 ORDER BY total DESC, "articleId" LIMIT ${limit}
    )
    SELECT per."articleId" AS article, ar.title, per."verdictOptionId" AS verdict, per.count
    FROM per JOIN top USING ("articleId") JOIN "Article" ar ON ar.id = per."articleId"
    ORDER BY top.total DESC, per."articleId"`;
}

/**
 * Pending reviews by age of their last submission, and the median time from creation to first
 * approval. The totals come from `counted`; the ages within the last week and the oldest pending
 * one from the pending index (Annotation_pending_idx); the median is the middle of the approved
 * annotations in the order of Annotation_approval_time_idx, found by OFFSET (half the approved
 * count) instead of sorting them all: the mean of the middle two for an even count, as
 * percentile_cont(0.5) gives.
 */
export function timingSql(f: ResolvedFilters, now: Date): Prisma.Sql {
  const ago = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const pending = Prisma.sql`a.status = 'SUBMITTED'`;
  return Prisma.sql`${withCounted(f)}, totals AS (
      SELECT coalesce(sum(submitted), 0)::int AS pending, coalesce(sum("everApproved"), 0)::int AS approved FROM counted
    ), recent AS (
      SELECT count(*) FILTER (WHERE a."submittedAt" >= ${ago(1)})::int AS "underOneDay",
             count(*) FILTER (WHERE a."submittedAt" < ${ago(1)} AND a."submittedAt" >= ${ago(3)})::int AS "oneToThreeDays",
             count(*) FILTER (WHERE a."submittedAt" < ${ago(3)})::int AS "threeToSevenDays"
      FROM "Annotation" a WHERE ${matches(f)} AND ${pending} AND a."submittedAt" >= ${ago(7)}
    )
    SELECT totals.pending, recent."underOneDay", recent."oneToThreeDays", recent."threeToSevenDays",
           totals.pending - recent."underOneDay" - recent."oneToThreeDays" - recent."threeToSevenDays" AS "overSevenDays",
           ${oldestPendingSql(f)} AS "oldestSubmittedAt",
           totals.approved, (${medianSql(f)}) AS "medianSecondsToApproval"
    FROM totals, recent`;
}

/**
 * When the oldest pending review was submitted: the first entry of Annotation_pending_idx (in
 * submission order) that the view counts. Under a date range the walk starts at the range's
 * start, not at the workspace's oldest submission (#15: for the last 90 days it read through the
 * 175,000 earlier pending entries of a million-annotation desk, none created in the range); what
 * could precede that start are entries submitted before they were created, which
 * Annotation_pending_early_idx holds (normally none), so the least of the two is exact.
 */
function oldestPendingSql(f: ResolvedFilters): Prisma.Sql {
  const pending = Prisma.sql`${matches(f)} AND a.status = 'SUBMITTED'`;
  if (!f.createdFrom)
    return Prisma.sql`(SELECT a."submittedAt" FROM "Annotation" a WHERE ${pending} AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" LIMIT 1)`;
  return Prisma.sql`least(
    (SELECT a."submittedAt" FROM "Annotation" a WHERE ${pending} AND a."submittedAt" >= ${f.createdFrom} ORDER BY a."submittedAt" LIMIT 1),
    (SELECT min(a."submittedAt") FROM "Annotation" a WHERE ${pending} AND a."submittedAt" < a."createdAt"))`;
}

/** Seconds from creation to approval, as Annotation_approval_time_idx orders them. */
const took = Prisma.sql`(EXTRACT(epoch FROM a."approvedAt" - a."createdAt")::float8)`;

/**
 * The median time to approval (a scalar subquery over `totals`): the middle one or two of the
 * approved annotations in the order of Annotation_approval_time_idx, found by OFFSET instead of
 * sorting them all, the mean of the middle two for an even count as percentile_cont(0.5) gives.
 * Where "ApprovalTally" answers the view (no reviewer, verdict or article filter, no open blind:
 * it counts the whole workspace by week and hour), the tally's hour counts (whole weeks) and the
 * partial weeks' rows say in which hour the middle lies and how many come before it, so only that
 * hour's annotations are read (#15: the whole desk's median read half of every approved
 * annotation's index entry, 325,000 at 1,000,000 annotations). Otherwise the offset runs over all.
 */
function medianSql(f: ResolvedFilters): Prisma.Sql {
  const approved = Prisma.sql`${matches(f)} AND a."approvedAt" IS NOT NULL`;
  if (f.articleId || f.authorId || f.verdictOptionId || f.visibility.blinds.length > 0) {
    return Prisma.sql`SELECT avg(took) FROM (
        SELECT ${took} AS took FROM "Annotation" a WHERE ${approved} ORDER BY ${took}
        OFFSET (SELECT greatest(approved - 1, 0) / 2 FROM totals) LIMIT (SELECT CASE WHEN approved = 0 THEN 0 ELSE 2 - approved % 2 END FROM totals)
      ) middle`;
  }
  const { weeks, edges } = splitWeeks(f);
  const counts: Prisma.Sql[] = [];
  if (weeks)
    counts.push(
      Prisma.sql`SELECT t.hours, t.count AS n FROM "ApprovalTally" t WHERE t."workspaceId" = ${f.workspaceId} AND ${inRange(Prisma.sql`t.week`, weeks)}`,
    );
  for (const edge of edges)
    counts.push(
      Prisma.sql`SELECT factmark_approval_hours(a."createdAt", a."approvedAt"), 1 
        FROM "Annotation" a WHERE ${approved} AND ${inRange(Prisma.sql`a."createdAt"`, edge)}`,
    );
  // Ranks are 0-based: the middle two (r1, r2) are one annotation when the count is odd (integer division: the sums are numeric).
  return Prisma.sql`WITH per_hour AS (
        SELECT hours, sum(n) AS n FROM (${Prisma.join(counts, " UNION ALL ")}) x (hours, n) GROUP BY 1 HAVING sum(n) <> 0
      ), cumulative AS (
        SELECT hours, n, sum(n) OVER (ORDER BY hours) - n AS before, sum(n) OVER () AS total FROM per_hour
      ), span AS (
        SELECT lo.hours AS lo, hi.hours AS hi, lo.before AS skip, r.r1, r.r2
        FROM (SELECT (max(total)::bigint - 1) / 2 AS r1, max(total)::bigint / 2 AS r2 FROM cumulative) r
        JOIN cumulative lo ON lo.before <= r.r1 AND r.r1 < lo.before + lo.n
        JOIN cumulative hi ON hi.before <= r.r2 AND r.r2 < hi.before + hi.n
      )
      SELECT avg(took) FROM (
        SELECT ${took} AS took FROM "Annotation" a
        WHERE ${approved} AND ${took} >= (SELECT lo::float8 * 3600 FROM span) AND ${took} < (SELECT (hi::float8 + 1) * 3600 FROM span)
        ORDER BY ${took} OFFSET (SELECT (r1 - skip)::bigint FROM span) LIMIT (SELECT r2 - r1 + 1 FROM span)
      ) middle`;
}

/**
 * Pairs for agreement come from "AgreementPair", which database triggers keep exact on every write
 * to annotations (prisma/routines/20-agreement-pairs.sql): two current annotations of different reviewers, past
 * draft, placed on the same article revision, whose spans overlap by at least half of the shorter
 * one. The date range and article apply to both; a reviewer or verdict filter keeps pairs where
 * either side matches. `pairs` (a_id, b_id, article, va, vb, updated) is a CTE.
 */
function pairsCte(f: ResolvedFilters): Prisma.Sql {
  const parts = [Prisma.sql`p."workspaceId" = ${f.workspaceId}`];
  if (f.createdFrom) parts.push(Prisma.sql`p."aCreatedAt" >= ${f.createdFrom} AND p."bCreatedAt" >= ${f.createdFrom}`);
  if (f.createdBefore)
    parts.push(Prisma.sql`p."aCreatedAt" < ${f.createdBefore} AND p."bCreatedAt" < ${f.createdBefore}`);
  if (f.articleId) parts.push(Prisma.sql`p."articleId" = ${f.articleId}`);
  if (f.authorId) parts.push(Prisma.sql`(p."aAuthorId" = ${f.authorId} OR p."bAuthorId" = ${f.authorId})`);
  if (f.verdictOptionId)
    parts.push(Prisma.sql`(p."aVerdictId" = ${f.verdictOptionId} OR p."bVerdictId" = ${f.verdictOptionId})`);
  const blinded = blindedPairSql(f);
  if (blinded) parts.push(Prisma.sql`NOT ${blinded}`);
  return Prisma.sql`
    WITH pairs AS (
      SELECT p."aId" AS a_id, p."bId" AS b_id, p."articleId" AS article, p."aVerdictId" AS va, p."bVerdictId" AS vb, p."updatedAt" AS updated
      FROM "AgreementPair" p WHERE ${Prisma.join(parts, " AND ")}
    )`;
}

/** On an article where a blind of the reader's is open, a pair whose sides are not both theirs to see (null without blinds). */
function blindedPairSql(f: ResolvedFilters): Prisma.Sql | null {
  const blinded = f.visibility.blinds.map((b) => b.articleId);
  if (blinded.length === 0) return null;
  return Prisma.sql`(p."articleId" IN (${Prisma.join(blinded)})
    AND NOT (EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = p."aId" AND ${visibleAnnotationSql(f.visibility, "a")}) AND EXISTS (SELECT 1
      FROM "Annotation" b WHERE b.id = p."bId" AND ${visibleAnnotationSql(f.visibility, "b")})))`;
}

/**
 * `counts (article, va, vb, n)`: pairs by article and the two verdicts. From the trigger-kept
 * "PairTally" less the pairs this view leaves out: those a blind hides (read from the pair cache
 * of the blinded articles) and, with a date range, those with a side created outside it, when
 * they are the smaller part (the weekly annotation tallies tell; PostgreSQL runs only the branch
 * chosen). Otherwise, and under a reviewer filter (the tally has no authors), from the pairs.
 */
function pairCountsCte(f: ResolvedFilters): Prisma.Sql {
  const fromPairs = Prisma.sql`SELECT article, va, vb, 1 AS n FROM pairs`;
  const counts = (rows: Prisma.Sql) =>
    Prisma.sql`counts AS (SELECT article, va, vb, sum(n)::int AS n FROM (${rows}) x GROUP BY 1, 2, 3 HAVING sum(n) <> 0)`;
  if (f.authorId) return Prisma.sql`${pairsCte(f)}, ${counts(fromPairs)}`;
  const narrow = (alias: string) => {
    const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
    const parts = [Prisma.sql`${col("workspaceId")} = ${f.workspaceId}`];
    if (f.articleId) parts.push(Prisma.sql`${col("articleId")} = ${f.articleId}`);
    if (f.verdictOptionId)
      parts.push(
        Prisma.sql`(${col("aVerdictId")} = ${f.verdictOptionId} OR ${col("bVerdictId")} = ${f.verdictOptionId})`,
      );
    return Prisma.join(parts, " AND ");
  };
  const ranged = Boolean(f.createdFrom || f.createdBefore);
  const outside = (side: "a" | "b") => {
    const col = Prisma.raw(`p."${side}CreatedAt"`);
    return [
      f.createdFrom && Prisma.sql`${col} < ${f.createdFrom}`,
      f.createdBefore && Prisma.sql`${col} >= ${f.createdBefore}`,
    ].filter((c): c is Prisma.Sql => Boolean(c));
  };
  const left = [...outside("a"), ...outside("b"), blindedPairSql(f)].filter((c): c is Prisma.Sql => c !== null);
  const guard = ranged ? Prisma.sql`NOT (SELECT few FROM choice)` : Prisma.sql`TRUE`;
  const fromTally = Prisma.sql`
    SELECT t."articleId" AS article, t."aVerdictId" AS va, t."bVerdictId" AS vb, t.count AS n FROM "PairTally" t WHERE ${narrow("t")} AND ${guard}
    ${
      left.length
        ? Prisma.sql`UNION ALL SELECT p."articleId", p."aVerdictId", p."bVerdictId", -1 
      FROM "AgreementPair" p WHERE ${narrow("p")} AND (${Prisma.join(left, " OR ")}) AND ${guard}`
        : Prisma.empty
    }`;
  if (!ranged) return Prisma.sql`WITH ${counts(fromTally)}`;
  const { weeks } = splitWeeks(f);
  const inside = weeks ? Prisma.sql`sum(t.count) FILTER (WHERE ${inRange(Prisma.sql`t.week`, weeks)})` : Prisma.sql`0`;
  return Prisma.sql`${pairsCte(f)}, choice AS MATERIALIZED (SELECT coalesce(2 * ${inside} <= sum(t.count), true) AS few 
    FROM "DashboardTally" t WHERE t."workspaceId" = ${f.workspaceId}),
    ${counts(Prisma.sql`${fromPairs} WHERE (SELECT few FROM choice) UNION ALL ${fromTally}`)}`;
}

/** How many pairs there are and how many agree on the verdict. */
export function pairTotalsSql(f: ResolvedFilters): Prisma.Sql {
  return Prisma.sql`${pairCountsCte(f)} SELECT coalesce(sum(n), 0)::int AS pairs, coalesce(sum(n) FILTER (WHERE va = vb), 0)::int AS agreeing FROM counts`;
}

/**
 * Pair counts by the two verdicts' places on the scale (ordinal, the scale's order), overall
 * (article null) and for the `limit` articles with the most pairs: what alpha is computed from.
 */
export function pairMatrixSql(f: ResolvedFilters, limit: number): Prisma.Sql {
  return Prisma.sql`${pairCountsCte(f)}, top AS (
      SELECT article FROM counts GROUP BY 1 ORDER BY sum(n) DESC, article LIMIT ${limit}
    ), cells AS (
      SELECT article, va, vb, sum(n)::int AS count FROM counts GROUP BY GROUPING SETS ((article, va, vb), (va, vb))
    )
    SELECT cells.article, ar.title, oa.position AS a, ob.position AS b, cells.count
    FROM cells
    JOIN "VerdictOption" oa ON oa.id = cells.va JOIN "VerdictOption" ob ON ob.id = cells.vb
    LEFT JOIN "Article" ar ON ar.id = cells.article
    WHERE cells.article IS NULL OR cells.article IN (SELECT article FROM top)`;
}

/** The most recent disagreements (pairs with different verdicts), for an editor to settle. */
export function disagreementsSql(f: ResolvedFilters, limit: number): Prisma.Sql {
  return Prisma.sql`${pairsCte(f)}, latest AS (
      SELECT * FROM pairs WHERE va <> vb ORDER BY updated DESC, a_id, b_id LIMIT ${limit}
    )
    SELECT a."articleId" AS "articleId", ar.title,
           a.id AS "aId", a.quote AS "aQuote", a.claim AS "aClaim", a."verdictOptionId" AS "aVerdict", a."authorId" AS "aAuthor", a.status::text AS "aStatus",
           b.id AS "bId", b.quote AS "bQuote", b.claim AS "bClaim", b."verdictOptionId" AS "bVerdict", b."authorId" AS "bAuthor", b.status::text AS "bStatus"
    FROM latest
    JOIN "Annotation" a ON a.id = latest.a_id JOIN "Annotation" b ON b.id = latest.b_id JOIN "Article" ar ON ar.id = a."articleId"
    ORDER BY latest.updated DESC, latest.a_id, latest.b_id`;
}
