import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { E2E_PORT, E2E_SECOND_PORT, expect, type Page, test, watch } from "./fixtures";
import { seriousAxeViolations } from "./axe";
import { annotateOverApi, createArticle, deskOf, moveAlong, TO_PUBLISHED, type ReviewStep } from "./article-setup";

// The public pages as an anonymous visitor sees them (no stored session): published checks only,
// plain HTML without script, cacheable, with the ClaimReview the export gives.

const BODY = [
  "The council met on Tuesday.",
  "Ridership has doubled since 2020, the chair said, so fares can stay flat.",
  "A *third* paragraph.",
];
const RIDERSHIP = "Ridership has doubled since 2020";

type ApiAs = Parameters<typeof deskOf>[0];

/**
 * A fresh Markdown article of the demo desk (public pages on) with one check per quote, each with
 * a claimant, rationale, source and a private note, moved along its `steps` over the API.
 */
async function articleWithChecks(apiAs: ApiAs, checks: { quote: string; steps: ReviewStep[] }[]) {
  const api = await deskOf(apiAs);
  const tag = randomUUID().slice(0, 8);
  const articleId = await createArticle(api.editor, `Public pages ${tag}`, BODY, {
    format: "markdown",
    outlet: "Example News",
  });
  const ids: { id: string; claim: string; version: number }[] = [];
  for (const [n, check] of checks.entries()) {
    const claim = `Claim ${n} ${tag}`;
    const id = await annotateOverApi(api.reviewer, articleId, check.quote, {
      claim,
      claimant: "The chair",
      verdict: "mostly-false",
      rationale: "Trips rose 43%, not 100%.",
      sources: [
        {
          url: "https://transport.example/2025",
          title: "Annual report",
          archiveUrl: "https://archive.example/2025",
          accessedAt: "2026-11-02",
        },
      ],
      note: `PRIVATE NOTE ${tag}`,
    });
    ids.push({ id, claim, version: await moveAlong(api, id, check.steps) });
  }
  return { api, articleId, tag, checks: ids };
}

/** The common case: one published check on a fresh article. */
async function publishedCheck(apiAs: ApiAs) {
  const { checks, ...rest } = await articleWithChecks(apiAs, [{ quote: RIDERSHIP, steps: TO_PUBLISHED }]);
  return { ...rest, check: checks[0] };
}

async function expectNoSeriousAxe(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

test("an anonymous visitor reads a published check: verdict in words and on the scale, sources, passage, and the export's ClaimReview", async ({
  page,
  request,
  apiAs,
}) => {
  const { api, articleId, tag, check } = await publishedCheck(apiAs);

  const response = await page.goto(`/checks/${check.id}`);
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cache-control"]).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(check.claim);
  await expect(page.getByText("Claimed by The chair")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verdict: Mostly false" })).toBeVisible();
  await expect(page.getByText("5 of 6 on the desk's scale, from True to False")).toBeVisible();
  await expect(page.getByRole("list", { name: "The desk's verdict scale" }).locator("[aria-current]")).toHaveText(
    "Mostly false (this verdict)",
  );
  await expect(page.getByRole("link", { name: "Annual report" })).toHaveAttribute(
    "href",
    "https://transport.example/2025",
  );
  await expect(page.getByRole("link", { name: "Archived copy" })).toHaveAttribute(
    "href",
    "https://archive.example/2025",
  );
  await expect(page.getByText("Accessed 2 November 2026")).toBeVisible();
  await expect(page.locator("figure mark")).toHaveText("Ridership has doubled since 2020");
  await expect(page.getByRole("link", { name: `Public pages ${tag}` })).toHaveAttribute(
    "href",
    new RegExp(`/read/${articleId}#check-${check.id}$`),
  );
  await expect(page.locator("footer")).toContainText("By Demo desk. Published");
  await expect(page.locator("body")).not.toContainText("PRIVATE NOTE");
  await expect(page.locator("body")).not.toContainText("Riley");

  // No script at all but the JSON-LD data block, which equals the export's ClaimReview with this page as url.
  await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
  const ld = JSON.parse((await page.locator("script[type='application/ld+json']").textContent())!);
  const exported = await (await api.editor.get(`/api/export?format=claimreview&article=${articleId}`)).json();
  expect(ld).toEqual({ "@context": "https://schema.org", ...exported["@graph"][0] });
  expect(ld.url).toBe(`http://localhost:${E2E_PORT}/checks/${check.id}`);
  for (const field of ["url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"])
    expect(ld).toHaveProperty(field);

  await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", ld.url);
  await expect(page.locator("meta[name=description]")).toHaveAttribute(
    "content",
    /Demo desk rates this claim Mostly false/,
  );
  await expect(page.locator("meta[property='og:title']")).toHaveAttribute("content", new RegExp(check.claim));
  await expect(page.locator("meta[property='og:image']")).toHaveAttribute("content", `${ld.url}/card.png`);
  await expect(page.locator("meta[name='twitter:card']")).toHaveAttribute("content", "summary_large_image");
  await expectNoSeriousAxe(page);

  // The API behind the page stays private.
  expect((await request.get(`/api/annotations/${check.id}`)).status()).toBe(401);
});

test("drafts, approved work, another desk's ids and unknown ids are 404 everywhere public", async ({
  request,
  apiAs,
}) => {
  const { articleId, checks } = await articleWithChecks(apiAs, [
    { quote: "The council met", steps: [] },
    { quote: "fares can stay flat", steps: ["SUBMITTED", "APPROVED"] },
  ]);
  // Another desk's ids (it has public pages off; a published check there is covered in
  // tests/integration/publish.test.ts, as this desk has no verdict scale to publish with).
  const other = await apiAs("otherAdmin");
  const { articles } = await (await other.get("/api/articles")).json();
  const otherArticle = { id: articles[0].id as string };

  for (const id of [...checks.map((c) => c.id), "ckunknown0000000000000000", "not-an-id"]) {
    for (const path of [`/checks/${id}`, `/checks/${id}/embed`, `/checks/${id}/card.png`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toMatch(/Claim \d|PRIVATE/);
    }
    expect(
      (
        await request.get(`/api/oembed?url=${encodeURIComponent(`http://localhost:${E2E_PORT}/checks/${id}`)}`)
      ).status(),
    ).toBe(404);
  }
  for (const id of [articleId, otherArticle.id]) expect((await request.get(`/read/${id}`)).status()).toBe(404);
  const feed = await (await request.get("/checks/feed.xml")).text();
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const id of [...checks.map((c) => c.id), articleId, otherArticle.id]) {
    expect(feed).not.toContain(id);
    expect(sitemap).not.toContain(id);
  }
});

test("a withdrawal through one instance drops the page the other instance cached at once, not after its expiry", async ({
  request,
  apiAs,
}) => {
  const { api, check } = await publishedCheck(apiAs);
  // Instance B caches the page (for REVALIDATE_SECONDS, 60 s, were it not told).
  const onB = `http://localhost:${E2E_SECOND_PORT}/checks/${check.id}`;
  for (let i = 0; i < 2; i++) expect((await request.get(onB)).status()).toBe(200);
  // The withdrawal goes through instance A (the API clients' base URL); its purge travels over LISTEN/NOTIFY.
  const withdrawn = await api.editor.post(`/api/annotations/${check.id}/retraction`, {
    data: { note: "Withdrawn while B had it cached.", version: 4 },
  });
  expect(withdrawn.status()).toBe(200);
  await expect.poll(async () => (await request.get(onB)).status(), { timeout: 5_000, intervals: [100] }).toBe(410);
});

test("a corrected check's old address redirects to the correction and its notice; a withdrawn check answers 410", async ({
  page,
  request,
  apiAs,
}) => {
  const { api, articleId, check } = await publishedCheck(apiAs);
  // Cached once before it changes, so the test sees publication revalidate the page.
  expect((await request.get(`/checks/${check.id}`)).status()).toBe(200);
  const started = await api.editor.post(`/api/annotations/${check.id}/corrections`, {
    data: { note: "We first compared the wrong years." },
  });
  expect(started.status()).toBe(201);
  const { id: correctionId } = await started.json();
  // The editor who started the correction is its author, so submits it too.
  await moveAlong({ reviewer: api.editor, editor: api.editor }, correctionId, TO_PUBLISHED);

  const old = await request.get(`/checks/${check.id}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe(`http://localhost:${E2E_PORT}/checks/${correctionId}`);
  await page.goto(`/checks/${check.id}`);
  await expect(page).toHaveURL(new RegExp(`/checks/${correctionId}$`));
  const notice = page.getByRole("complementary", { name: "Correction" });
  await expect(notice).toContainText("We first compared the wrong years.");
  await expect(page.locator("footer")).toContainText("updated");
  const ld = JSON.parse((await page.locator("script[type='application/ld+json']").textContent())!);
  expect(ld.correction).toEqual({ "@type": "CorrectionComment", text: "We first compared the wrong years." });
  await expectNoSeriousAxe(page);

  // Withdrawn: 410 with the desk's note, and gone from the article, the feed and the sitemap.
  const withdrawn = await api.editor.post(`/api/annotations/${correctionId}/retraction`, {
    data: { note: "The report we relied on was withdrawn.", version: 4 },
  });
  expect(withdrawn.status()).toBe(200);
  const gone = await page.goto(`/checks/${correctionId}`);
  expect(gone!.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This fact-check was withdrawn");
  await expect(page.locator("main")).toContainText("The report we relied on was withdrawn.");
  expect((await request.get(`/read/${articleId}`)).status()).toBe(404);
  expect(await (await request.get("/checks/feed.xml")).text()).not.toContain(correctionId);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(correctionId);
});

test("the feed is Atom an XML parser reads, with the newest checks; the sitemap lists the pages", async ({
  page,
  request,
  apiAs,
}) => {
  const { articleId, check } = await publishedCheck(apiAs);
  const feed = await request.get("/checks/feed.xml");
  expect(feed.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
  expect(feed.headers()["cache-control"]).toMatch(/s-maxage/);
  // Chromium's own XML parser, on a blank page: a parse error is a <parsererror> element.
  await page.goto("about:blank");
  const parsed = await page.evaluate(
    (xml) => {
      const document = new DOMParser().parseFromString(xml, "application/xml");
      const atom = "http://www.w3.org/2005/Atom";
      return {
        errors: document.getElementsByTagName("parsererror").length,
        root: document.documentElement.namespaceURI + " " + document.documentElement.localName,
        entries: [...document.getElementsByTagNameNS(atom, "entry")].map((entry) => ({
          id: entry.getElementsByTagNameNS(atom, "id")[0]?.textContent,
          title: entry.getElementsByTagNameNS(atom, "title")[0]?.textContent,
          updated: entry.getElementsByTagNameNS(atom, "updated")[0]?.textContent,
        })),
      };
    },
    await feed.text(),
  );
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(parsed.entries.length).toBeGreaterThanOrEqual(1);
  expect(parsed.entries.length).toBeLessThanOrEqual(50);
  expect(parsed.entries).toContainEqual({
    id: `http://localhost:${E2E_PORT}/checks/${check.id}`,
    title: `“${check.claim}”: Mostly false`,
    updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>http://localhost:${E2E_PORT}/checks/${check.id}</loc>`);
  expect(sitemap).toContain(`<loc>http://localhost:${E2E_PORT}/read/${articleId}</loc>`);
});

test("the embed can be framed by another site, oEmbed describes it, and the card image is a 1200×630 PNG", async ({
  page,
  request,
  apiAs,
}) => {
  const { check } = await publishedCheck(apiAs);
  const pageUrl = `http://localhost:${E2E_PORT}/checks/${check.id}`;

  const embed = await request.get(`/checks/${check.id}/embed`);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const oembed = await request.get(`/api/oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=400`);
  expect(oembed.status()).toBe(200);
  const described = await oembed.json();
  expect(described).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Demo desk",
    width: 400,
    thumbnail_url: `${pageUrl}/card.png`,
  });
  expect(described.html).toContain(`src="${pageUrl}/embed"`);
  expect(
    (await request.get(`/api/oembed?url=${encodeURIComponent("https://elsewhere.example/checks/x")}`)).status(),
  ).toBe(404);
  expect((await request.get("/api/oembed?maxwidth=-1&url=x")).status()).toBe(400);
  expect((await request.get("/api/oembed")).status()).toBe(400);

  // A publisher's page on another origin frames the embed from oEmbed's HTML. It is served for
  // real on a loopback port of its own: Chromium refuses a page the test fulfils itself (it has no
  // address) the loopback server's frame, as it would a public site's.
  const publisher = createServer((_request, response) =>
    response
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><html lang="en"><title>Publisher</title>${described.html}</html>`),
  );
  await new Promise<void>((resolve) => publisher.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(publisher.address() as AddressInfo).port}/story`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByText("Mostly false")).toBeVisible();
    await expect(frame.getByRole("link", { name: /Read the fact-check/ })).toHaveAttribute("href", pageUrl);
  } finally {
    publisher.close();
  }

  const card = await request.get(`/checks/${check.id}/card.png`);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect(card.headers()["cache-control"]).toMatch(/s-maxage/);
  const png = await card.body();
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("/read works without JavaScript on a phone: the text, a highlight that opens its card from the keyboard, and the checks below", async ({
  browser,
  apiAs,
  pageProblems,
}) => {
  const { articleId, checks } = await articleWithChecks(apiAs, [
    { quote: RIDERSHIP, steps: TO_PUBLISHED },
    { quote: "The council met", steps: ["SUBMITTED"] },
  ]);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  watch(page, pageProblems);
  const response = await page.goto(`/read/${articleId}`);
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Public pages/);
  await expect(page.getByText("A third paragraph.")).toBeVisible();
  await expect(page.locator("em", { hasText: "third" })).toBeVisible();

  // Only the published check is highlighted; its card opens in place with the keyboard and closes with Escape.
  const highlight = page.getByRole("button", { name: /Ridership has doubled since 2020.*fact-check: Mostly false/ });
  await expect(page.locator("button.hl")).toHaveCount(1);
  const card = page.locator(`#card-${checks[0].id}`);
  await expect(card).toBeHidden();
  await highlight.focus();
  await page.keyboard.press("Enter");
  await expect(card).toBeVisible();
  await expect(card).toContainText("Mostly false");
  await expect(card).toContainText(checks[0].claim);
  await page.keyboard.press("Escape");
  await expect(card).toBeHidden();

  const list = page.getByRole("region", { name: "The checks" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(checks[0].claim);
  await expect(page.locator("body")).not.toContainText(checks[1].claim);
  await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
  await context.close();

  // axe needs script; the same page, as a browser with it would show it.
  const withScript = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const axePage = await withScript.newPage();
  watch(axePage, pageProblems);
  await axePage.goto(`/read/${articleId}`);
  // Nothing scrolls sideways on a phone.
  expect(await axePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousAxe(axePage);
  await axePage.goto(`/checks/${checks[0].id}/embed`);
  await expectNoSeriousAxe(axePage);
  await withScript.close();
});

test("an editor withdraws a published check from its panel; its public page then answers 410 with the note", async ({
  apiAs,
  pageAs,
  request,
}) => {
  const { articleId, check } = await publishedCheck(apiAs);
  const editor = await pageAs("editor");
  await editor.goto(`/articles/${articleId}?annotation=${check.id}`);
  const panel = editor.getByRole("region", { name: "Public page" });
  await expect(panel.getByRole("link", { name: "Public page" })).toHaveAttribute("href", `/checks/${check.id}`);
  // Reviewers see the link, never the withdrawal.
  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/articles/${articleId}?annotation=${check.id}`);
  await expect(
    reviewer.getByRole("region", { name: "Public page" }).getByRole("link", { name: "Public page" }),
  ).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Withdraw this check" })).toHaveCount(0);

  await panel.getByRole("button", { name: "Withdraw this check" }).click();
  await panel.getByLabel("Why it is withdrawn (shown on its public page)").fill("It relied on a forged report.");
  await panel.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(editor.getByTestId("annotation-detail")).toHaveCount(0);
  const gone = await request.get(`/checks/${check.id}`);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("It relied on a forged report.");
});
