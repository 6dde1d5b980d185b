import { DEMO_ARTICLE_TITLE, expect, test, type Page, type Role, untilInteractive } from "./fixtures";
import { seriousAxeViolations } from "./axe";
import { annotateOverApi, createArticle } from "./article-setup";

// Done-means of #16: axe finds nothing serious or critical on any main page, on a desktop and a
// phone. Each page is checked as the role that uses it, once it has drawn its content.

const WIDTHS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

async function demoArticlePath(page: Page) {
  await page.goto("/articles");
  const href = await page.getByRole("link", { name: DEMO_ARTICLE_TITLE }).getAttribute("href");
  return href!;
}

type Check = {
  name: string;
  role: Role | null;
  path: (page: Page) => Promise<string>;
  ready?: (page: Page) => Promise<void>;
};

const fixed = (path: string) => async () => path;
const article =
  (suffix = "") =>
  async (page: Page) =>
    `${await demoArticlePath(page)}${suffix}`;

const PAGES: Check[] = [
  { name: "sign-in", role: null, path: fixed("/login") },
  { name: "articles", role: "reviewer", path: fixed("/articles") },
  {
    name: "article",
    role: "reviewer",
    path: article(),
    ready: async (page) => {
      await untilInteractive(page);
    },
  },
  {
    name: "annotation open",
    role: "editor",
    path: async (page) => {
      const id = await createArticle(page.request, "Axe", ["Unemployment fell to 3.9% in May, the ministry said."]);
      return `/articles/${id}?annotation=${await annotateOverApi(page.request, id, "fell to 3.9% in May")}`;
    },
    ready: async (page) => {
      await expect(page.getByTestId("annotation-detail")).toBeVisible();
      await expect(page.getByLabel("Add a note", { exact: true })).toBeVisible();
    },
  },
  { name: "revisions", role: "editor", path: article("/revisions") },
  { name: "revise", role: "editor", path: article("/revise") },
  { name: "edit details", role: "editor", path: article("/edit") },
  { name: "add an article", role: "editor", path: fixed("/articles/new") },
  { name: "my work", role: "reviewer", path: fixed("/my-work") },
  { name: "review queue", role: "editor", path: fixed("/review") },
  {
    name: "dashboard",
    role: "dashboardEditor",
    path: fixed("/dashboard"),
    ready: async (page) => {
      await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    },
  },
  { name: "agreement", role: "dashboardEditor", path: fixed("/agreement") },
  { name: "people", role: "admin", path: fixed("/admin/people") },
  { name: "verdict scale", role: "admin", path: fixed("/admin/scale") },
  { name: "API tokens", role: "admin", path: fixed("/admin/tokens") },
];

for (const check of PAGES) {
  test(`axe: ${check.name} has no serious or critical violations at 1440 and 390 px`, async ({
    pageAs,
    page: anonymous,
  }) => {
    const page = check.role ? await pageAs(check.role) : anonymous;
    const path = await check.path(page);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await check.ready?.(page);
      expect(await seriousAxeViolations(page), `${check.name} at ${size.width} px`).toEqual([]);
    }
  });
}
