import { readFileSync } from "node:fs";
import {
  API_ARTICLE_TITLE,
  type APIRequestContext,
  expect,
  IMPORT_ARTICLE_TITLE,
  type Page,
  test,
  untilInteractive,
} from "./fixtures";

// Exports, imports and API tokens over HTTP and in the UI.

async function articleId(api: APIRequestContext, title: string): Promise<string> {
  const { articles } = await (await api.get("/api/articles")).json();
  return articles.find((a: { title: string }) => a.title === title).id;
}

/** A W3C AnnotationPage of Hypothesis-like annotations on the import article. */
function w3cFile(items: { id: string; exact: string; tag?: string }[]) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationPage",
    items: items.map(({ id, exact, tag }) => ({
      type: "Annotation",
      id: `https://hypothes.is/a/${id}`,
      body: [
        { type: "TextualBody", value: `Note on ${exact}` },
        ...(tag ? [{ type: "TextualBody", purpose: "tagging", value: tag }] : []),
      ],
      target: {
        source: "https://news.example/minister",
        selector: { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
      },
    })),
  };
}

test("export and import answer 401 without a session; the native schema is public", async ({ request }) => {
  const id = "c000000000000000000000000";
  expect((await request.get("/api/export?format=native")).status()).toBe(401);
  const importAttempt = await request.post(`/api/articles/${id}/import`, { data: {} });
  expect(importAttempt.status()).toBe(401);
  expect((await importAttempt.json()).error.code).toBe("UNAUTHENTICATED");
  const schema = await request.get("/api/schema/factmark.v1.json");
  expect(schema.status()).toBe(200);
  expect(await schema.json()).toMatchObject({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    properties: { format: { const: "factmark.v1" } },
  });
});

test("an admin's API token reads its workspace's exports and GET routes, never writes or reaches another desk, and stops when revoked", async ({
  pageAs,
  playwright,
}) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/tokens");
  await admin.getByLabel("Name").fill("E2E partner");
  await admin.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  const token = await admin.getByLabel("New token").inputValue();
  expect(token).toMatch(/^fmk_/);
  await admin.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await admin.getByRole("button", { name: "Copy token" }).click(); // #16
  await expect(admin.getByText("Copied")).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const partner = await playwright.request.newContext({
    baseURL: admin.url().replace(/\/admin.*$/, ""),
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const apiArticle = await articleId(partner, API_ARTICLE_TITLE);
  const exported = await partner.get("/api/export?format=w3c");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain(
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  );
  expect(await exported.json()).toMatchObject({ type: "AnnotationCollection", first: { type: "AnnotationPage" } });
  expect((await partner.get(`/api/articles/${apiArticle}`)).status()).toBe(200);

  // Writes ignore the token (they need a session): 401.
  const write = await partner.post(`/api/articles/${apiArticle}/annotations`, { data: { claim: "x" } });
  expect(write.status()).toBe(401);
  expect((await write.json()).error.code).toBe("UNAUTHENTICATED");
  expect((await partner.post(`/api/articles/${apiArticle}/import`, { data: w3cFile([]) })).status()).toBe(401);

  // Another desk's article looks absent.
  const other = await pageAs("otherAdmin");
  const otherArticle = await articleId(other.request, "Other desk article");
  expect((await partner.get(`/api/articles/${otherArticle}`)).status()).toBe(404);
  expect((await partner.get(`/api/export?format=native&article=${otherArticle}`)).status()).toBe(404);
  await other.goto("/admin/tokens");
  await expect(other.getByText("E2E partner")).toHaveCount(0);

  // A malformed or unknown token, then the revoked one: 401.
  for (const bad of ["Bearer nope", `Bearer fmk_${"x".repeat(43)}`]) {
    expect((await partner.get("/api/articles", { headers: { authorization: bad } })).status()).toBe(401);
  }
  await admin.goto("/admin/tokens");
  await admin.getByTestId("token-E2E partner").getByRole("button", { name: "Revoke E2E partner" }).click();
  await expect(admin.getByTestId("token-E2E partner")).toContainText("Revoked");
  const revoked = await partner.get("/api/export?format=native");
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toBe("The API token is not valid (malformed, unknown or revoked)");
  await partner.dispose();
});

test("reviewers cannot manage tokens or import; another desk's editor gets 404", async ({ pageAs }) => {
  const reviewer = await pageAs("reviewer");
  expect((await reviewer.goto("/admin/tokens"))?.status()).toBe(403);
  const target = await articleId(reviewer.request, IMPORT_ARTICLE_TITLE);
  await reviewer.goto(`/articles/${target}`);
  await expect(reviewer.getByRole("link", { name: "Factmark JSON" })).toBeVisible();
  await expect(reviewer.getByText("Import annotations")).toHaveCount(0);
  const refused = await reviewer.request.post(`/api/articles/${target}/import`, {
    data: w3cFile([{ id: "r1", exact: "minister", tag: "True" }]),
  });
  expect(refused.status()).toBe(403);
  const other = await pageAs("otherAdmin");
  expect(
    (
      await other.request.post(`/api/articles/${target}/import`, {
        data: w3cFile([{ id: "o1", exact: "minister", tag: "True" }]),
      })
    ).status(),
  ).toBe(404);
  const { annotations } = await (await reviewer.request.get(`/api/articles/${target}/annotations`)).json();
  expect(annotations.filter((a: { quote: string }) => a.quote === "minister")).toEqual([]);
});

/** Chooses a JSON file in the import form and submits it. */
async function importFile(page: Page, name: string, content: unknown) {
  await page
    .getByLabel("Factmark JSON or W3C file")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

test("an editor imports a W3C file in the browser: problems by item first, then the rest on request, then downloads the exports", async ({
  pageAs,
}) => {
  const editor = await pageAs("editor");
  const target = await articleId(editor.request, IMPORT_ARTICLE_TITLE);
  await editor.goto(`/articles/${target}`);
  await untilInteractive(editor);
  await editor.getByText("Import annotations").click();

  // One unknown verdict among good items: nothing is written, the item is named.
  await importFile(
    editor,
    "bad.json",
    w3cFile([
      { id: "e1", exact: "exports doubled", tag: "False" },
      { id: "e2", exact: "minister", tag: "Pants on fire" },
    ]),
  );
  await expect(editor.getByTestId("import-problems")).toContainText('Item 2: verdict "Pants on fire" is not an option');
  await expect(editor.locator("mark.highlight")).toHaveCount(0);

  // A quote that is not in the text: offered to import the others.
  await importFile(
    editor,
    "partial.json",
    w3cFile([
      { id: "e1", exact: "exports doubled", tag: "False" },
      { id: "e3", exact: "imports halved", tag: "True" },
    ]),
  );
  await expect(editor.getByTestId("import-problems")).toContainText(
    "Item 2: the quote “imports halved” is not in the article's text",
  );
  await editor.getByRole("button", { name: "Import the other 1" }).click();
  await expect(editor.getByText("Imported 1; 0 already here; 1 not found in the text and left out.")).toBeVisible();
  await expect(editor.locator("mark.highlight", { hasText: "exports doubled" })).toHaveCount(1);

  // The same file again: nothing new.
  await importFile(editor, "partial.json", w3cFile([{ id: "e1", exact: "exports doubled", tag: "False" }]));
  await expect(editor.getByText("Imported 0; 1 already here.")).toBeVisible();
  await expect(editor.locator("mark.highlight")).toHaveCount(1);

  // Downloads: the native file of this article holds the imported annotation, credited to the editor's desk.
  const download = editor.waitForEvent("download");
  await editor.getByRole("link", { name: "Factmark JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^factmark-article-${target}-native-\\d{4}-\\d{2}-\\d{2}\\.json$`),
  );
  const native = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(native).toMatchObject({
    format: "factmark.v1",
    annotations: [
      {
        anchor: { quote: "exports doubled" },
        verdict: { key: "false" },
        rationale: "Note on exports doubled",
        status: "DRAFT",
      },
    ],
  });

  // The workspace export form, filtered, downloads too.
  await editor.goto("/articles");
  await editor.getByLabel("Format").selectOption("w3c");
  await editor.getByLabel("Verdict").selectOption({ label: "False" });
  const workspaceDownload = editor.waitForEvent("download");
  await editor.getByRole("button", { name: "Download export" }).click();
  const collection = JSON.parse(readFileSync((await (await workspaceDownload).path())!, "utf8"));
  expect(collection.type).toBe("AnnotationCollection");
  expect(
    collection.first.items.map((i: { target: { selector: { exact: string }[] } }) => i.target.selector[0].exact),
  ).toContain("exports doubled");
});
