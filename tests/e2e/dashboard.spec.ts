import { expect, type Locator, test } from "./fixtures";
import { EXPECTED } from "../support/dashboard-fixture";

// The dashboards on the fixture desk, whose every figure is known (tests/support/dashboard-fixture.ts).

/** A table's body rows as { row header: [cells] }. */
async function tableOf(table: Locator): Promise<Record<string, string[]>> {
  const rows = await table.locator("tbody tr").all();
  // textContent: headers are upper-cased by CSS only.
  const entries = await Promise.all(
    rows.map(
      async (row) =>
        [(await row.locator("th").textContent())!.trim(), await row.locator("td").allTextContents()] as const,
    ),
  );
  return Object.fromEntries(entries);
}

test("the dashboard shows the fixture's numbers in charts and tables, filters from the URL, and explains nonsense filters", async ({
  pageAs,
}) => {
  const editor = await pageAs("dashboardEditor");
  await editor.goto("/articles");
  await editor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const stats = editor.getByTestId("stats");
  await expect(stats).toContainText(`Annotations${EXPECTED.total}`);
  await expect(stats).toContainText(`Pending review${EXPECTED.pending.total}`);
  await expect(stats).toContainText("Median time to approval4.0 h");
  await expect(stats).toContainText("Disagreement rate50% of 2 pairs");
  await expect(stats).toContainText(`Needs re-anchoring${EXPECTED.orphans}`);
  // Charts are drawn (recharts renders SVG) and each has its table.
  await expect(editor.getByTestId("verdicts").locator("svg.recharts-surface")).toBeVisible();
  expect(await tableOf(editor.getByTestId("verdicts").getByRole("table"))).toMatchObject({
    True: ["2"],
    False: ["3"],
    "Mostly true": ["2"],
    Misleading: ["1"],
    Mixed: ["0"],
  });
  const weekly = await tableOf(editor.getByTestId("weekly").getByRole("table"));
  expect(Object.fromEntries(Object.entries(weekly).map(([week, cells]) => [week, cells.at(-1)]))).toEqual({
    "2026-10-05": "2",
    "2026-10-12": "4",
    "2026-10-19": "2",
  });
  const throughput = await tableOf(editor.getByTestId("throughput").getByRole("table"));
  expect(throughput["Lee Checker"]).toEqual(["0", "3", "0", "1", "0", "4"]);
  expect(throughput["Kim Checker"]).toEqual(["1", "0", "1", "1", "1", "4"]);
  expect(await tableOf(editor.getByTestId("pending").getByRole("table"))).toEqual({
    "Under a day": ["1"],
    "1–3 days": ["1"],
    "3–7 days": ["0"],
    "Over 7 days": ["1"],
  });
  const articles = await tableOf(editor.getByTestId("by-article").getByRole("table"));
  expect(Object.fromEntries(Object.entries(articles).map(([title, cells]) => [title, cells.at(-1)]))).toEqual({
    "Budget speech": "4",
    "Health plan": "4",
  });

  // Filters live in the URL.
  await editor.getByLabel("Created from").fill("2026-10-12");
  await editor.getByLabel("Created to").fill("2026-10-18");
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(editor).toHaveURL(/from=2026-10-12&to=2026-10-18/);
  await expect(stats).toContainText("Annotations4");
  await expect(stats).toContainText("Disagreement rate0% of 1 pairs");

  await editor.goto("/dashboard?from=2026-02-30");
  await expect(editor.locator("main").getByRole("alert")).toHaveText(
    "These filters do not work: from: From must be a real date as YYYY-MM-DD (years 0001–9999)",
  );
  await editor.goto("/dashboard?from=1990-01-01&to=2026-01-01");
  await expect(editor.locator("main").getByRole("alert")).toContainText("The date range is too long");
  await editor.goto("/dashboard?reviewer=c000000000000000000000000");
  await expect(editor.locator("main").getByRole("alert")).toContainText("reviewer: no such member of this workspace");
});

test("the agreement page gives percent agreement, ordinal alpha and the disagreement to settle", async ({ pageAs }) => {
  const editor = await pageAs("dashboardEditor");
  await editor.goto("/agreement");
  const stats = editor.getByTestId("agreement-stats");
  await expect(stats).toContainText("Pairs compared2");
  await expect(stats).toContainText("Percent agreement50%");
  await expect(stats).toContainText(`Krippendorff's alpha (ordinal)${EXPECTED.alpha.toFixed(2)}`);
  expect(await tableOf(editor.getByTestId("agreement-articles"))).toEqual({
    "Budget speech": ["2", "1", "50%", "-0.50"],
  });
  const disagreement = editor.getByTestId("disagreements").getByRole("listitem");
  await expect(disagreement).toHaveCount(1);
  await expect(disagreement).toContainText("Kim Checker");
  await expect(disagreement).toContainText("Lee Checker");
  await disagreement.getByRole("link", { name: "Budget speech" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Budget speech");
});

test("reviewers get 403 on the editors' pages; another desk's editor sees only its own desk", async ({ pageAs }) => {
  const reviewer = await pageAs("reviewer");
  expect((await reviewer.goto("/dashboard"))?.status()).toBe(403);
  expect((await reviewer.goto("/agreement"))?.status()).toBe(403);
  await expect(reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(
    0,
  );
  const editor = await pageAs("editor");
  await editor.goto("/dashboard");
  await expect(editor.getByTestId("stats")).toBeVisible();
  await expect(editor.getByTestId("by-article")).not.toContainText("Budget speech");
});
