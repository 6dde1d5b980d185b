import { expect, test, type Page, untilInteractive } from "./fixtures";
import { panel } from "./annotating";
import { XSS } from "./xss-payloads";

// The XSS pass (#11): the XSS desk (tests/e2e/xss-desk.ts) holds a script payload in every field
// a user can set. Every page that shows them is opened as the desk's admin; the fixtures fail a
// test on any dialog, CSP violation or uncaught error, and each page must show the payloads as
// text and hold no element that a payload could have made.

/** React's own placeholder action on forms bound to server actions: not a payload. */
const REACT_FORM_ACTION = "javascript:throw new Error('React form unexpectedly submitted.')";

/** Elements or attributes that only an injected payload would put in the page. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate((reactFormAction) => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith("on")) found.push(`<${element.localName} ${attribute.name}>`);
        if (/^\s*javascript:/i.test(attribute.value) && attribute.value !== reactFormAction)
          found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      }
      if (element.localName === "iframe") found.push("<iframe>");
      if (element.localName === "img" && element.getAttribute("src") === "x") found.push("<img src=x>");
      if (element.localName === "script" && element.textContent?.includes('alert("xss")'))
        found.push("<script> with a payload");
    }
    return found;
  }, REACT_FORM_ACTION);
}

/** Opens `path`, checks it answered 200, shows each text as text, and holds nothing injected. */
async function visit(page: Page, path: string, texts: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("main")).toBeVisible();
  for (const text of texts) await expect(page.locator("body"), `${path} shows ${text}`).toContainText(text);
  expect(await injected(page), path).toEqual([]);
}

const titles = (["text", "markdown", "html"] as const).map((format) => `${XSS.article.title} (${format})`);

async function articleIds(page: Page): Promise<Record<"text" | "markdown" | "html", string>> {
  const { articles } = await (await page.request.get("/api/articles")).json();
  const id = (format: string) =>
    articles.find((a: { title: string }) => a.title === `${XSS.article.title} (${format})`).id;
  return { text: id("text"), markdown: id("markdown"), html: id("html") };
}

test("the article list, the people, the scale and the tokens show every payload as text", async ({ pageAs }) => {
  const page = await pageAs("xssAdmin");
  await visit(page, "/articles", [...titles, XSS.article.outlet, XSS.article.section, XSS.workspace]);
  await visit(page, "/admin/people", Object.values(XSS.people));
  await visit(page, "/admin/scale", []);
  await expect(page.getByLabel(`Label of ${XSS.verdict.key}`)).toHaveValue(XSS.verdict.label);
  await visit(page, "/admin/tokens", [XSS.token]);
});

test("my work, the review queue, the dashboard and the agreement page show every payload as text", async ({
  pageAs,
}) => {
  const page = await pageAs("xssAdmin");
  await visit(page, "/my-work", [XSS.annotation.claim, XSS.people.editor]);
  await visit(page, "/review", [XSS.secondClaim, XSS.thirdClaim, XSS.people.reviewer, XSS.people.reviewer2, titles[0]]);
  await visit(page, "/dashboard", [XSS.verdict.label, XSS.people.reviewer, XSS.people.reviewer2, titles[0]]);
  await visit(page, "/agreement", [XSS.people.reviewer, XSS.people.reviewer2, titles[0]]);
});

for (const format of ["text", "markdown", "html"] as const) {
  test(`an article with a ${format} body: its page, annotation, sources, notes, correction, revisions and edit form`, async ({
    pageAs,
  }) => {
    const page = await pageAs("xssAdmin");
    const id = (await articleIds(page))[format];
    await visit(page, `/articles/${id}`, [
      titles[["text", "markdown", "html"].indexOf(format)],
      XSS.article.outlet,
      XSS.article.author,
      XSS.article.section,
      XSS.bodyText[format],
    ]);
    await untilInteractive(page);

    // The admin's own check, sent back: every field of it, its source, its notes and the editor's comment.
    await panel(page)
      .getByTestId("annotation-entry")
      .filter({ hasText: XSS.annotation.claim })
      .filter({ hasNotText: "(published)" })
      .filter({ hasNotText: "(correction)" })
      .click();
    const detail = page.getByTestId("annotation-detail");
    for (const text of [
      XSS.annotation.claim,
      XSS.annotation.claimant,
      XSS.annotation.rationale,
      XSS.verdict.label,
      XSS.source.title,
      XSS.source.publisher,
      XSS.source.excerpt,
      XSS.note,
      XSS.reply,
      XSS.reviewComment,
    ]) {
      await expect(detail, `the annotation shows ${text}`).toContainText(text);
    }
    expect(await injected(page)).toEqual([]);
    // The edit form's verdict picker carries each verdict's description as its tooltip.
    await detail.getByRole("button", { name: "Edit" }).click();
    await expect(page.locator("label.verdict-option", { hasText: XSS.verdict.label })).toHaveAttribute(
      "title",
      XSS.verdict.description,
    );
    expect(await injected(page)).toEqual([]);
    await page.getByRole("button", { name: "Cancel" }).click();

    // The correction draft shows its public note.
    await page.getByRole("button", { name: "Back to list" }).click();
    await panel(page).getByTestId("annotation-entry").filter({ hasText: "(correction)" }).click();
    await expect(detail).toContainText(XSS.annotation.correctionNote);
    expect(await injected(page)).toEqual([]);

    await visit(page, `/articles/${id}/revisions`, [XSS.bodyText[format]]);
    await visit(page, `/articles/${id}/edit`, []);
    await expect(page.getByLabel("Title")).toHaveValue(titles[["text", "markdown", "html"].indexOf(format)]);
    await expect(page.getByLabel("Outlet")).toHaveValue(XSS.article.outlet);
  });
}
