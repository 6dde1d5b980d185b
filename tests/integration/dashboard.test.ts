import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDashboard, type Dashboard } from "@/lib/dashboard/dashboard";
import { getAgreementReport } from "@/lib/dashboard/agreement";
import { actorFor, createUser, createWorkspace } from "../support/factories";
import { EXPECTED, seedDashboardFixture } from "../support/dashboard-fixture";

async function fixture() {
  const now = new Date();
  const seeded = await seedDashboardFixture(db, { passwordHash: "x", now });
  const editor = await actorFor(seeded.editor.id);
  return { ...seeded, now, editor, dashboard: (filters: object = {}) => getDashboard({ actor: editor, filters, now }) };
}

const byName = <T extends { counts: Record<string, number> }>(rows: T[], name: (row: T) => string) =>
  Object.fromEntries(rows.map((r) => [name(r), r.counts]));
const totals = (rows: Dashboard["byArticle"]) => Object.fromEntries(rows.map((r) => [r.article.title, r.total]));

describe("the editors' dashboard", () => {
  it("shows exactly what the fixture's rows say", async () => {
    const { dashboard } = await fixture();
    const d = await dashboard();
    expect(d.total).toBe(EXPECTED.total);
    expect(d.orphans).toBe(EXPECTED.orphans);
    expect(d.distribution).toEqual({ counts: EXPECTED.distribution, total: EXPECTED.total });
    expect(byName(d.byReviewer, (r) => r.reviewer.name)).toEqual(EXPECTED.byReviewer);
    expect(totals(d.byArticle)).toEqual(EXPECTED.byArticle);
    expect(Object.fromEntries(d.weekly.map((w) => [w.week, w.total]))).toEqual(EXPECTED.weekly);
    expect(Object.fromEntries(d.throughput.map(({ reviewer, ...counts }) => [reviewer.name, counts]))).toEqual(
      EXPECTED.throughput,
    );
    expect(d.pending).toMatchObject(EXPECTED.pending);
    expect(d.approval).toEqual(EXPECTED.approval);
    expect(d.agreement).toEqual(EXPECTED.agreement);
    expect(d.verdicts.map((v) => v.key)).toEqual([
      "true",
      "mostly-true",
      "mixed",
      "misleading",
      "mostly-false",
      "false",
      "unverifiable",
    ]);
  });

  it("narrows every figure by date range, article, reviewer and verdict", async () => {
    const { dashboard, articles, people } = await fixture();
    const week2 = await dashboard({ from: "2026-10-12", to: "2026-10-18" });
    expect(week2.total).toBe(4);
    expect(Object.keys(Object.fromEntries(week2.weekly.map((w) => [w.week, w.total])))).toEqual(["2026-10-12"]);
    expect(week2.agreement).toEqual({ pairs: 1, agreeing: 1, disagreementRate: 0 });

    const health = await dashboard({ article: articles.health.id });
    expect(health).toMatchObject({ total: 4, orphans: 1, agreement: { pairs: 0, disagreementRate: null } });
    expect(totals(health.byArticle)).toEqual({ "Health plan": 4 });

    const lee = await dashboard({ reviewer: people.lee.id });
    expect(lee.distribution.counts).toEqual(EXPECTED.byReviewer["Lee Checker"]);
    expect(lee.pending.total).toBe(3);
    expect(lee.agreement.pairs).toBe(2); // either side may be the reviewer

    const falseOnly = await dashboard({ verdict: "false" });
    expect(falseOnly).toMatchObject({
      total: 3,
      distribution: { counts: { false: 3 } },
      agreement: { pairs: 1, agreeing: 0 },
    });
    expect(falseOnly.approval).toEqual({ approved: 0, medianHours: null });
  });

  it("refuses reviewers (403), no session (401) and nonsense filters (400 with a message); other desks' ids are unknown", async () => {
    const { dashboard, articles } = await fixture();
    const other = await createWorkspace();
    const reviewer = await actorFor((await createUser({ workspaceId: other.workspace.id, role: "REVIEWER" })).id);
    await expect(getDashboard({ actor: reviewer })).rejects.toMatchObject({ status: 403 });
    await expect(getDashboard({ actor: null })).rejects.toMatchObject({ status: 401 });
    await expect(dashboard({ from: "2026-13-45" })).rejects.toMatchObject({
      status: 400,
      message: /From must be a date/,
    });
    await expect(dashboard({ from: "2026-02-30" })).rejects.toMatchObject({ status: 400 });
    await expect(dashboard({ from: "2026-11-01", to: "2026-10-01" })).rejects.toMatchObject({
      status: 400,
      message: /From must not be after To/,
    });
    await expect(dashboard({ from: "1900-01-01", to: "2026-01-01" })).rejects.toMatchObject({
      status: 400,
      message: /too long/,
    });
    await expect(dashboard({ article: "not an id" })).rejects.toMatchObject({ status: 400, message: /Not a valid id/ });
    await expect(dashboard({ reviewer: other.reviewer.userId })).rejects.toMatchObject({
      status: 400,
      message: /no such member/,
    });
    await expect(dashboard({ verdict: "bogus" })).rejects.toMatchObject({ status: 400, message: /not an option/ });
    await expect(getDashboard({ actor: other.editor, filters: { article: articles.budget.id } })).rejects.toMatchObject(
      { status: 400, message: /no such article/ },
    );
  });
});

describe("the agreement report", () => {
  it("gives percent agreement and ordinal alpha for the workspace and per article, and lists the disagreements", async () => {
    const { editor, articles } = await fixture();
    const report = await getAgreementReport({ actor: editor });
    expect(report.workspace).toEqual({
      pairs: 2,
      agreeing: 1,
      percentAgreement: 50,
      alpha: expect.closeTo(EXPECTED.alpha, 10),
    });
    expect(report.articles).toEqual([
      {
        article: { id: articles.budget.id, title: "Budget speech" },
        pairs: 2,
        agreeing: 1,
        percentAgreement: 50,
        alpha: expect.closeTo(EXPECTED.alpha, 10),
      },
    ]);
    expect(report.disagreements).toEqual([
      {
        article: { id: articles.budget.id, title: "Budget speech" },
        a: expect.objectContaining({
          quote: expect.stringMatching(/^Taxes rose 5%/),
          verdict: expect.objectContaining({ key: expect.stringMatching(/^(true|false)$/) }),
        }),
        b: expect.objectContaining({ quote: expect.stringMatching(/^Taxes rose 5%/) }),
      },
    ]);
    const sides = report.disagreements[0];
    expect(new Set([sides.a.author, sides.b.author])).toEqual(new Set(["Kim Checker", "Lee Checker"]));
    expect(new Set([sides.a.verdict.key, sides.b.verdict.key])).toEqual(new Set(["true", "false"]));
    // The filters apply here too.
    expect((await getAgreementReport({ actor: editor, filters: { from: "2026-10-12" } })).workspace).toEqual({
      pairs: 1,
      agreeing: 1,
      percentAgreement: 100,
      alpha: 1,
    });
    await expect(getAgreementReport({ actor: editor, filters: { to: "yesterday" } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("refuses reviewers and no session", async () => {
    const desk = await createWorkspace();
    await expect(getAgreementReport({ actor: desk.reviewer })).rejects.toMatchObject({ status: 403 });
    await expect(getAgreementReport({ actor: null })).rejects.toMatchObject({ status: 401 });
  });
});
