import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { AnnotationStatus } from "../db/generated/enums";
import { requireRole, type Actor } from "../auth/actor";
import { parseInput } from "../validation";
import { dashboardFilterSchema, resolveFilters, type DashboardFilters, type ResolvedFilters } from "./filters";
import { breakdownSql, pairTotalsSql, timingSql, topArticlesSql, unsafeRunAggregate } from "./sql";

/** How many articles the per-article chart and table show (those with the most annotations). */
export const TOP_ARTICLES = 20;

export type VerdictColumn = { id: string; key: string; label: string; color: string };
/** A row of counts per verdict key, with its total. */
export type VerdictCounts = { counts: Record<string, number>; total: number };
export type Throughput = { reviewer: { id: string; name: string } } & Record<AnnotationStatus, number>;

export type Dashboard = {
  filters: DashboardFilters;
  verdicts: VerdictColumn[];
  total: number;
  orphans: number;
  distribution: VerdictCounts;
  byReviewer: ({ reviewer: { id: string; name: string } } & VerdictCounts)[];
  byArticle: ({ article: { id: string; title: string } } & VerdictCounts)[];
  weekly: ({ week: string } & VerdictCounts)[];
  throughput: Throughput[];
  pending: {
    total: number;
    underOneDay: number;
    oneToThreeDays: number;
    threeToSevenDays: number;
    overSevenDays: number;
    oldestSubmittedAt: string | null;
  };
  approval: { approved: number; medianHours: number | null };
  agreement: { pairs: number; agreeing: number; disagreementRate: number | null };
};

/** The dashboard's queries by name, for the page and for the benchmark (which runs them through pg too). */
export function dashboardQueries(
  filters: ResolvedFilters,
  now: Date,
): Record<"breakdown" | "topArticles" | "timing" | "agreement", Prisma.Sql> {
  return {
    breakdown: breakdownSql(filters),
    topArticles: topArticlesSql(filters, TOP_ARTICLES),
    timing: timingSql(filters, now),
    agreement: pairTotalsSql(filters),
  };
}

type BreakdownRow = {
  verdict: string | null;
  author: string | null;
  week: Date | null;
  count: number;
  orphaned: number;
} & Record<AnnotationStatus, number>;
type ArticleRow = { article: string; title: string; verdict: string; count: number };
type TimingRow = {
  pending: number;
  underOneDay: number;
  oneToThreeDays: number;
  threeToSevenDays: number;
  overSevenDays: number;
  oldestSubmittedAt: Date | null;
  approved: number;
  medianSecondsToApproval: number | null;
};

const STATUSES: AnnotationStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"];

/** Adds one count to the row keyed `key` of `rows`, creating it with `make`. */
function tally<T extends VerdictCounts>(
  rows: Map<string, T>,
  key: string,
  make: () => T,
  verdictKey: string,
  count: number,
) {
  const row = rows.get(key) ?? rows.set(key, make()).get(key)!;
  row.counts[verdictKey] = (row.counts[verdictKey] ?? 0) + count;
  row.total += count;
}

/**
 * The editors' dashboard: verdict distribution overall, per article and per reviewer, verdicts
 * per week, each reviewer's work by status, pending reviews by age, the median time from
 * creation to first approval, the disagreement rate and the orphan count, all narrowed by the
 * URL's filters. Every figure is a SQL aggregate (lib/dashboard/sql.ts). Editors and admins only;
 * nonsense filters are a 400 with a message.
 */
export async function getDashboard(options: {
  actor: Actor | null;
  filters?: unknown;
  now?: Date;
}): Promise<Dashboard> {
  const actor = requireRole(options.actor, "EDITOR");
  const filters = parseInput(dashboardFilterSchema, options.filters ?? {});
  const resolved = await resolveFilters(actor, filters);
  const queries = dashboardQueries(resolved, options.now ?? new Date());
  const [breakdown, articles, [timing], [pairs], options_, people] = await Promise.all([
    unsafeRunAggregate<BreakdownRow[]>(queries.breakdown),
    unsafeRunAggregate<ArticleRow[]>(queries.topArticles),
    unsafeRunAggregate<TimingRow[]>(queries.timing),
    unsafeRunAggregate<{ pairs: number; agreeing: number }[]>(queries.agreement),
    db.verdictOption.findMany({
      where: { scale: { workspaceId: actor.workspaceId } },
      orderBy: { position: "asc" },
      select: { id: true, key: true, label: true, color: true, retiredAt: true },
    }),
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);

  const keyOf = new Map(options_.map((o) => [o.id, o.key]));
  const nameOf = new Map(people.map((p) => [p.user.id, p.user.name]));
  const reviewer = (id: string) => ({ id, name: nameOf.get(id) ?? "Former member" });
  const used = new Set(breakdown.filter((r) => r.verdict && !r.author && !r.week).map((r) => r.verdict));
  // Retired options stay as columns while annotations still carry them.
  const verdicts = options_
    .filter((o) => !o.retiredAt || used.has(o.id))
    .map(({ id, key, label, color }) => ({ id, key, label, color }));

  let total = 0;
  let orphans = 0;
  const distribution: VerdictCounts = { counts: {}, total: 0 };
  const byReviewer = new Map<string, Dashboard["byReviewer"][number]>();
  const weekly = new Map<string, Dashboard["weekly"][number]>();
  const throughput = new Map<string, Throughput>();
  for (const row of breakdown) {
    const verdictKey = row.verdict ? keyOf.get(row.verdict)! : "";
    if (row.author && !row.verdict) {
      throughput.set(row.author, {
        reviewer: reviewer(row.author),
        ...(Object.fromEntries(STATUSES.map((s) => [s, row[s]])) as Record<AnnotationStatus, number>),
      });
    } else if (row.author) {
      tally(
        byReviewer,
        row.author,
        () => ({ reviewer: reviewer(row.author!), counts: {}, total: 0 }),
        verdictKey,
        row.count,
      );
    } else if (row.week) {
      const week = row.week.toISOString().slice(0, 10);
      tally(weekly, week, () => ({ week, counts: {}, total: 0 }), verdictKey, row.count);
    } else if (row.verdict) {
      distribution.counts[verdictKey] = row.count;
      distribution.total += row.count;
    } else {
      total = row.count;
      orphans = row.orphaned;
    }
  }
  const byArticle = new Map<string, Dashboard["byArticle"][number]>();
  for (const row of articles)
    tally(
      byArticle,
      row.article,
      () => ({ article: { id: row.article, title: row.title }, counts: {}, total: 0 }),
      keyOf.get(row.verdict)!,
      row.count,
    );

  return {
    filters,
    verdicts,
    total,
    orphans,
    distribution,
    byReviewer: [...byReviewer.values()].sort(
      (a, b) => b.total - a.total || a.reviewer.name.localeCompare(b.reviewer.name),
    ),
    byArticle: [...byArticle.values()],
    weekly: [...weekly.values()].sort((a, b) => a.week.localeCompare(b.week)),
    throughput: [...throughput.values()].sort((a, b) => a.reviewer.name.localeCompare(b.reviewer.name)),
    pending: {
      total: timing.pending,
      underOneDay: timing.underOneDay,
      oneToThreeDays: timing.oneToThreeDays,
      threeToSevenDays: timing.threeToSevenDays,
      overSevenDays: timing.overSevenDays,
      oldestSubmittedAt: timing.oldestSubmittedAt?.toISOString() ?? null,
    },
    approval: {
      approved: timing.approved,
      medianHours: timing.medianSecondsToApproval === null ? null : Number(timing.medianSecondsToApproval) / 3600,
    },
    agreement: {
      pairs: pairs.pairs,
      agreeing: pairs.agreeing,
      disagreementRate: pairs.pairs ? (pairs.pairs - pairs.agreeing) / pairs.pairs : null,
    },
  };
}
