import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { maySee, visibilityFor } from "@/lib/access/visibility";
import { getDashboard, type Dashboard } from "@/lib/dashboard/dashboard";
import { splitWeeks } from "@/lib/dashboard/tally-sql";
import { rangeArticleTotalsSql } from "@/lib/dashboard/sql";
import { dashboardFilterSchema, resolveFilters } from "@/lib/dashboard/filters";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

// The dashboard tallies (prisma/routines/40-dashboard-tallies.sql) against the annotation rows:
// after random writes of every kind, the tally tables equal a GROUP BY of the rows, and every
// dashboard figure, under random filters, equals what is computed here in JavaScript from the rows.

/** mulberry32: a seeded generator whose low bits are as random as its high ones. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-20T12:00:00Z");
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The tally tables as they are, and as a GROUP BY of current annotations says they should be. */
async function talliesAndRows(workspaceId: string) {
  const tallies = await db.$queryRaw<object[]>`
    SELECT week, "authorId", "verdictOptionId", count, draft, submitted, "changesRequested", "approvedStatus", published, orphaned, "everApproved"
    FROM "DashboardTally" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2, 3`;
  const rows = await db.$queryRaw<object[]>`
    SELECT date_trunc('week', "createdAt") AS week, "authorId", "verdictOptionId", count(*)::int AS count,
           count(*) FILTER (WHERE status = 'DRAFT')::int AS draft, count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE status = 'CHANGES_REQUESTED')::int AS "changesRequested", count(*)
             FILTER (WHERE status = 'APPROVED')::int AS "approvedStatus",
           count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published, count(*) FILTER (WHERE placement = 'ORPHANED')::int AS orphaned,
             count("approvedAt")::int AS "everApproved"
    FROM "Annotation" WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const articleTallies = await db.$queryRaw<
    object[]
  >`SELECT "articleId", "verdictOptionId", count FROM "ArticleTally" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2`;
  const articleRows = await db.$queryRaw<object[]>`
    SELECT "articleId", "verdictOptionId", count(*)::int AS count FROM "Annotation"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED' GROUP BY 1, 2 ORDER BY 1, 2`;
  const pairTallies = await db.$queryRaw<
    object[]
  >`SELECT "articleId", "aVerdictId", "bVerdictId", count FROM "PairTally" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2, 3`;
  const pairRows = await db.$queryRaw<object[]>`
    SELECT "articleId", "aVerdictId", "bVerdictId", count(*)::int AS count FROM "AgreementPair" WHERE "workspaceId" = ${workspaceId} GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`;
  const weekTallies = await db.$queryRaw<
    object[]
  >`SELECT week, "articleId", count FROM "ArticleWeekTally" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2`;
  const weekRows = await db.$queryRaw<object[]>`
    SELECT date_trunc('week', "createdAt") AS week, "articleId", count(*)::int AS count FROM "Annotation"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED' GROUP BY 1, 2 ORDER BY 1, 2`;
  const approvalTallies = await db.$queryRaw<
    object[]
  >`SELECT week, hours, count FROM "ApprovalTally" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2`;
  const approvalRows = await db.$queryRaw<object[]>`
    SELECT date_trunc('week', "createdAt") AS week, floor(EXTRACT(epoch FROM "approvedAt" - "createdAt")::float8 / 3600)::int AS hours,
      count(*)::int AS count FROM "Annotation"
    WHERE "workspaceId" = ${workspaceId} AND "approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED'
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return {
    tallies,
    rows,
    articleTallies,
    articleRows,
    pairTallies,
    pairRows,
    weekTallies,
    weekRows,
    approvalTallies,
    approvalRows,
  };
}

/** articleTotalsSql's choice for a date range: whether the range is at most half of the desk's span of weeks. */
async function fewInside(workspaceId: string, f: Filters): Promise<boolean> {
  const [span] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(week) AS first, max(week) + interval '7 days' AS last FROM "ArticleWeekTally" WHERE "workspaceId" = ${workspaceId}`;
  if (!span.first || !span.last) return true;
  const from = Math.max(span.first.getTime(), f.from ? new Date(`${f.from}T00:00:00Z`).getTime() : -Infinity);
  const before = Math.min(span.last.getTime(), f.to ? new Date(`${f.to}T00:00:00Z`).getTime() + DAY : Infinity);
  return 2 * (before - from) <= span.last.getTime() - span.first.getTime();
}

type Filters = { from?: string; to?: string; article?: string; reviewer?: string; verdict?: string };

/** The dashboard computed from the rows, independently of the SQL: the figures getDashboard gives. */
async function expectedDashboard(actor: Actor, filters: Filters) {
  const visibility = await visibilityFor(db, actor);
  const options = await db.verdictOption.findMany({ where: { scale: { workspaceId: actor.workspaceId } } });
  const keyOf = new Map(options.map((o) => [o.id, o.key]));
  const from = filters.from ? new Date(`${filters.from}T00:00:00Z`).getTime() : -Infinity;
  const before = filters.to ? new Date(`${filters.to}T00:00:00Z`).getTime() + DAY : Infinity;
  const rows = (await db.annotation.findMany({ where: { workspaceId: actor.workspaceId } })).filter(
    (a) =>
      maySee(visibility, a) &&
      !a.supersededAt &&
      a.placement !== "DISMISSED" &&
      a.createdAt.getTime() >= from &&
      a.createdAt.getTime() < before &&
      (!filters.article || a.articleId === filters.article) &&
      (!filters.reviewer || a.authorId === filters.reviewer) &&
      (!filters.verdict || keyOf.get(a.verdictOptionId) === filters.verdict),
  );
  const count = <K extends string>(keys: K[]) =>
    keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
  const group = <T>(list: T[], key: (t: T) => string) =>
    list.reduce<Record<string, T[]>>((m, t) => ((m[key(t)] ??= []).push(t), m), {});
  const monday = (d: Date) =>
    iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY));
  const verdicts = (list: typeof rows) => count(list.map((a) => keyOf.get(a.verdictOptionId)!));
  const pending = rows.filter((a) => a.status === "SUBMITTED");
  const age = (a: (typeof rows)[number]) =>
    a.submittedAt ? (NOW.getTime() - a.submittedAt.getTime()) / DAY : Infinity;
  const took = rows
    .filter((a) => a.approvedAt)
    .map((a) => (a.approvedAt!.getTime() - a.createdAt.getTime()) / 1000)
    .sort((x, y) => x - y);
  const mid = (took.length - 1) / 2;
  const median = took.length ? (took[Math.floor(mid)] + took[Math.ceil(mid)]) / 2 : null;
  const oldest = pending
    .map((a) => a.submittedAt)
    .filter((d): d is Date => d !== null)
    .sort((x, y) => x.getTime() - y.getTime())[0];
  // Agreement: pairs of the cache whose both sides the reader may see, within the range, on the article, with the reviewer or verdict on either side.
  const seen = new Map(
    (await db.annotation.findMany({ where: { workspaceId: actor.workspaceId } })).map((a) => [a.id, a]),
  );
  const optionId = options.find((o) => o.key === filters.verdict)?.id;
  const pairs = (await db.agreementPair.findMany({ where: { workspaceId: actor.workspaceId } })).filter(
    (p) =>
      [p.aId, p.bId].every((id) => maySee(visibility, seen.get(id)!)) &&
      [p.aCreatedAt, p.bCreatedAt].every((d) => d.getTime() >= from && d.getTime() < before) &&
      (!filters.article || p.articleId === filters.article) &&
      (!filters.reviewer || p.aAuthorId === filters.reviewer || p.bAuthorId === filters.reviewer) &&
      (!optionId || p.aVerdictId === optionId || p.bVerdictId === optionId),
  );
  return {
    agreement: { pairs: pairs.length, agreeing: pairs.filter((p) => p.aVerdictId === p.bVerdictId).length },
    total: rows.length,
    orphans: rows.filter((a) => a.placement === "ORPHANED").length,
    distribution: verdicts(rows),
    byReviewer: Object.fromEntries(
      Object.entries(group(rows, (a) => a.authorId)).map(([id, list]) => [id, verdicts(list)]),
    ),
    byArticle: Object.fromEntries(
      Object.entries(group(rows, (a) => a.articleId)).map(([id, list]) => [id, verdicts(list)]),
    ),
    weekly: Object.fromEntries(
      Object.entries(group(rows, (a) => monday(a.createdAt))).map(([week, list]) => [week, verdicts(list)]),
    ),
    throughput: Object.fromEntries(
      Object.entries(group(rows, (a) => a.authorId)).map(([id, list]) => [id, count(list.map((a) => a.status))]),
    ),
    pending: {
      total: pending.length,
      underOneDay: pending.filter((a) => age(a) <= 1).length,
      oneToThreeDays: pending.filter((a) => age(a) > 1 && age(a) <= 3).length,
      threeToSevenDays: pending.filter((a) => age(a) > 3 && age(a) <= 7).length,
      overSevenDays: pending.filter((a) => age(a) > 7).length,
      oldestSubmittedAt: oldest?.toISOString() ?? null,
    },
    approved: took.length,
    medianHours: median === null ? null : median / 3600,
  };
}

/** The same figures as getDashboard gives them, keyed the same way. */
function actualFigures(d: Dashboard) {
  const nonZero = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  return {
    agreement: { pairs: d.agreement.pairs, agreeing: d.agreement.agreeing },
    total: d.total,
    orphans: d.orphans,
    distribution: d.distribution.counts,
    byReviewer: Object.fromEntries(d.byReviewer.map((r) => [r.reviewer.id, r.counts])),
    byArticle: Object.fromEntries(d.byArticle.map((r) => [r.article.id, r.counts])),
    weekly: Object.fromEntries(d.weekly.map((w) => [w.week, w.counts])),
    throughput: Object.fromEntries(d.throughput.map(({ reviewer, ...statuses }) => [reviewer.id, nonZero(statuses)])),
    pending: d.pending,
    approved: d.approval.approved,
    medianHours: d.approval.medianHours,
  };
}

describe("the dashboard tallies", () => {
  it("splits a date range into whole weeks (tallies) and partial edge weeks (rows)", () => {
    const at = (s: string) => new Date(`${s}T00:00:00Z`);
    // 2026-11-02 and 2026-11-30 are Mondays.
    expect(splitWeeks({ createdFrom: null, createdBefore: null })).toEqual({
      weeks: { from: null, before: null },
      edges: [],
    });
    expect(splitWeeks({ createdFrom: at("2026-11-02"), createdBefore: at("2026-11-30") })).toEqual({
      weeks: { from: at("2026-11-02"), before: at("2026-11-30") },
      edges: [],
    });
    expect(splitWeeks({ createdFrom: at("2026-11-04"), createdBefore: at("2026-11-28") })).toEqual({
      weeks: { from: at("2026-11-09"), before: at("2026-11-23") },
      edges: [
        { from: at("2026-11-04"), before: at("2026-11-09") },
        { from: at("2026-11-23"), before: at("2026-11-28") },
      ],
    });
    expect(splitWeeks({ createdFrom: at("2026-11-04"), createdBefore: at("2026-11-12") })).toEqual({
      weeks: null,
      edges: [{ from: at("2026-11-04"), before: at("2026-11-12") }],
    });
    expect(splitWeeks({ createdFrom: null, createdBefore: at("2026-11-05") })).toEqual({
      weeks: { from: null, before: at("2026-11-02") },
      edges: [{ from: at("2026-11-02"), before: at("2026-11-05") }],
    });
  });

  it("equal the raw aggregates after random inserts, updates, deletes, corrections and bulk imports, under random filters and a blind", async () => {
    const random = seeded(Number(process.env.FACTMARK_TALLY_SEED ?? 15));
    const pick = <T>(list: T[]) => list[random(list.length)];
    const desk = await createWorkspace();
    const ws = desk.workspace.id;
    const reviewers = [
      desk.reviewer,
      ...(await Promise.all(
        [1, 2].map(async () => actorFor((await createUser({ workspaceId: ws, role: "REVIEWER" })).id)),
      )),
    ];
    const blindEditor = await actorFor((await createUser({ workspaceId: ws, role: "EDITOR" })).id);
    const articles = await Promise.all(
      [1, 2, 3].map((i) =>
        createArticle({
          workspaceId: ws,
          title: `Article ${i}`,
          paragraphs: ["Taxes rose 5% last year while jobs grew by 2% and the deficit fell sharply."],
        }),
      ),
    );
    const text = articles[0].revisions[0].text;
    const keys = desk.options.map((o) => o.key);
    // The blind editor is one of a blind pair on the first article: its dashboard must leave out the other's work there.
    await requestSecondOpinion({
      actor: desk.editor,
      articleId: articles[0].id,
      input: { firstReviewerId: blindEditor.userId, secondReviewerId: reviewers[1].userId },
    });

    // Two reviewers' submitted work on one span: an agreement pair before any random write. The
    // random writes make pairs too, but which rows they pick follows the table's row order, which
    // vacuum may change, so they are not relied on to reach the pair tallies.
    const pairArticle = articles[1];
    await db.annotation.createMany({
      data: [reviewers[0], reviewers[2]].map((reviewer) => ({
        workspaceId: ws,
        articleId: pairArticle.id,
        revisionId: pairArticle.revisions[0].id,
        start: 0,
        end: 5,
        quote: text.slice(0, 5),
        prefix: "",
        suffix: "",
        claim: "paired",
        verdictOptionId: desk.options[0].id,
        authorId: reviewer.userId,
        status: "SUBMITTED" as const,
        createdAt: new Date(NOW.getTime() - DAY),
        submittedAt: NOW,
      })),
    });
    const initial = await talliesAndRows(ws);
    expect(initial.pairRows.length, "the seeded pair").toBeGreaterThan(0);
    expect(initial.pairTallies).toEqual(initial.pairRows);

    const ids = async () =>
      (
        await db.annotation.findMany({
          where: { workspaceId: ws, deletedAt: null },
          select: { id: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      ).map((a) => a.id);
    /** A random live annotation, or null when there is none yet. */
    const anyRow = async () => {
      const list = await ids();
      return list.length ? db.annotation.findUniqueOrThrow({ where: { id: pick(list) } }) : null;
    };
    const ops: (() => Promise<unknown>)[] = [
      // Through the app: create, edit the verdict, move through review, delete, correct.
      async () => {
        const [start, article, actor] = [random(40), pick(articles), pick([...reviewers, blindEditor])];
        const end = start + 5 + random(20);
        return createAnnotation({
          actor,
          articleId: article.id,
          input: {
            revisionId: article.revisions[0].id,
            start,
            end,
            quote: text.slice(start, end),
            claim: "c",
            verdict: pick(keys),
          },
        });
      },
      async () => {
        const row = await anyRow();
        if (!row || row.status === "PUBLISHED" || row.status === "APPROVED") return;
        return updateAnnotation({
          actor: desk.admin,
          annotationId: row.id,
          input: { version: row.version, verdict: pick(keys) },
        });
      },
      async () => {
        const row = await anyRow();
        if (!row) return;
        const next = {
          DRAFT: "SUBMITTED",
          CHANGES_REQUESTED: "SUBMITTED",
          SUBMITTED: pick(["APPROVED", "CHANGES_REQUESTED"]),
          APPROVED: "PUBLISHED",
          PUBLISHED: null,
        }[row.status];
        if (!next) return;
        const actor = next === "SUBMITTED" ? await actorFor(row.authorId) : desk.editor;
        return changeAnnotationStatus({
          actor,
          annotationId: row.id,
          input: {
            status: next,
            version: row.version,
            comment: next === "CHANGES_REQUESTED" ? "Check the source" : undefined,
          },
        });
      },
      async () => {
        const row = await anyRow();
        if (row) await deleteAnnotation({ actor: desk.admin, annotationId: row.id });
      },
      async () => {
        const published = await db.annotation.findFirst({
          where: {
            workspaceId: ws,
            status: "PUBLISHED",
            supersededAt: null,
            deletedAt: null,
            corrections: { none: {} },
          },
        });
        if (!published) return;
        const correction = await startCorrection({
          actor: desk.editor,
          annotationId: published.id,
          input: { note: "Corrected" },
        });
        for (const [status, version] of [
          ["SUBMITTED", 1],
          ["APPROVED", 2],
          ["PUBLISHED", 3],
        ] as const) {
          await changeAnnotationStatus({ actor: desk.editor, annotationId: correction.id, input: { status, version } });
        }
      },
      // Straight to the table, as a bulk import or an operator's SQL would: many rows per statement.
      async () => {
        const article = pick(articles);
        await db.annotation.createMany({
          data: Array.from({ length: 1 + random(15) }, () => {
            const createdAt = new Date(NOW.getTime() - random(60) * DAY - random(86_400) * 1000);
            const status = pick(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"] as const);
            const start = 5 * random(4); // aligned, so spans often coincide and make agreement pairs
            return {
              workspaceId: ws,
              articleId: article.id,
              revisionId: article.revisions[0].id,
              start,
              end: start + 5,
              quote: text.slice(start, start + 5),
              prefix: "",
              suffix: "",
              claim: "imported",
              verdictOptionId: pick(desk.options).id,
              authorId: pick([...reviewers, blindEditor]).userId,
              status,
              createdAt,
              placement: pick(["ANCHORED", "ANCHORED", "NEEDS_CHECK", "ORPHANED", "DISMISSED"] as const),
              // Some submitted before they were created, as an import's dates may say (the oldest pending of a range must still find them).
              submittedAt: status === "DRAFT" ? null : new Date(createdAt.getTime() + (random(72) - 12) * 3_600_000),
              approvedAt:
                status === "APPROVED" || status === "PUBLISHED"
                  ? new Date(createdAt.getTime() + (1 + random(200)) * 3_600_000)
                  : null,
            };
          }),
        });
      },
      async () => {
        const some = (await ids()).filter(() => random(3) === 0);
        await db.annotation.updateMany({ where: { id: { in: some } }, data: { authorId: pick(reviewers).userId } });
      },
      async () => {
        const some = (await ids()).filter(() => random(4) === 0);
        await db.annotation.updateMany({
          where: { id: { in: some } },
          data: {
            placement: pick(["ORPHANED", "DISMISSED", "ANCHORED"] as const),
            createdAt: new Date(NOW.getTime() - random(30) * DAY),
          },
        });
      },
      // Rows removed outright (a workspace or article deleted cascades so); corrections keep what they correct.
      async () =>
        db.annotation.deleteMany({
          where: {
            id: { in: (await ids()).filter(() => random(8) === 0) },
            correctsId: null,
            corrections: { none: {} },
          },
        }),
    ];

    // Which way the ranged views' top articles went (articleTotalsSql's choice, by the same rule): both must be taken.
    const branches = new Set<boolean>();
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 10; i++)
        await ops[random(ops.length)]().catch((error) => {
          // A refusal the workflow makes (a stale version, a transition not allowed) is a write that did not happen.
          if (!(error as { status?: number }).status) throw error;
        });
      const state = await talliesAndRows(ws);
      expect(state.tallies).toEqual(state.rows);
      expect(state.articleTallies).toEqual(state.articleRows);
      expect(state.pairTallies).toEqual(state.pairRows);
      expect(state.weekTallies).toEqual(state.weekRows);
      expect(state.approvalTallies).toEqual(state.approvalRows);

      const day = () => iso(new Date(NOW.getTime() - random(70) * DAY));
      const [a, b] = [day(), day()].sort();
      const filters: Filters[] = [
        {},
        { from: a, to: b },
        { from: a },
        { to: b },
        { reviewer: pick(reviewers).userId },
        { verdict: pick(keys), from: a },
        { from: iso(new Date(NOW.getTime() - 90 * DAY)), to: iso(NOW) },
        { to: iso(new Date(NOW.getTime() - 5 * DAY)), verdict: pick(keys) },
        { article: pick(articles).id, reviewer: pick(reviewers).userId },
        // Ends mid-week (NOW is a Friday): most of the desk's span, so the top articles come from the
        // article tally less the weeks and days outside; a short one, from whole weeks and edge days;
        // one inside a single week, from rows.
        {
          from: iso(new Date(NOW.getTime() - (45 + random(5)) * DAY)),
          to: iso(new Date(NOW.getTime() - random(3) * DAY)),
        },
        {
          from: iso(new Date(NOW.getTime() - (20 + random(5)) * DAY)),
          to: iso(new Date(NOW.getTime() - (4 + random(3)) * DAY)),
        },
        { from: iso(new Date(NOW.getTime() - 9 * DAY)), to: iso(new Date(NOW.getTime() - 8 * DAY)) },
      ];
      for (const f of filters)
        if (f.from && !f.verdict && !f.reviewer && !f.article) branches.add(await fewInside(ws, f));
      for (const reader of [desk.editor, blindEditor]) {
        for (const f of filters) {
          // The top articles' totals of a ranged view come from the tallies (the figures below are counted from rows, for those 20 only).
          const totals = rangeArticleTotalsSql(await resolveFilters(reader, dashboardFilterSchema.parse(f)));
          if (totals) {
            const actualTotals = await db.$queryRaw<{ articleId: string; count: number }[]>(
              Prisma.sql`SELECT "articleId", count FROM (${totals}) t ORDER BY 1`,
            );
            const expectedTotals = Object.entries((await expectedDashboard(reader, f)).byArticle)
              .map(([articleId, counts]) => ({ articleId, count: Object.values(counts).reduce((x, y) => x + y, 0) }))
              .sort((x, y) => (x.articleId < y.articleId ? -1 : 1));
            expect(actualTotals, JSON.stringify({ round, f, totals: true })).toEqual(expectedTotals);
          }
          const actual = actualFigures(await getDashboard({ actor: reader, filters: f, now: NOW }));
          const expected = await expectedDashboard(reader, f);
          const { medianHours, ...rest } = actual;
          const { medianHours: expectedMedian, ...expectedRest } = expected;
          expect(rest, JSON.stringify({ round, f })).toEqual(expectedRest);
          if (expectedMedian === null) expect(medianHours).toBeNull();
          else expect(medianHours).toBeCloseTo(expectedMedian, 6);
        }
      }
    }
    expect(
      [...branches].sort(),
      "top articles from whole weeks inside the range, and from the tally less the rest",
    ).toEqual([false, true]);
    // The random writes reached every kind of row the tallies key on.
    const kinds = await db.annotation.groupBy({ by: ["status", "placement"], where: { workspaceId: ws } });
    expect(kinds.length).toBeGreaterThan(6);
  }, 120_000);
});
