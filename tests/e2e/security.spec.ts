import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import {
  API_ARTICLE_TITLE,
  type APIRequestContext,
  DEMO_PASSWORD,
  E2E_PORT,
  expect,
  REVOCATION_USER,
  test,
} from "./fixtures";

// Attacks from the hardening pass (#11), replayed against the real server: each must fail.

/** Signs in over next-auth's credentials endpoint, as a script would; answers next-auth's verdict. */
async function postSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers,
  });
  const { url } = await response.json();
  return new URL(url).searchParams.get("error");
}

test("rotating X-Forwarded-For does not get around the sign-in throttle", async ({ request }) => {
  const email = `rotating-${randomUUID().slice(0, 8)}@example.com`;
  for (let i = 1; i <= 10; i++) {
    expect(await postSignIn(request, email, `guess ${i}`, { "X-Forwarded-For": `203.0.113.${i}` })).toBe(
      "CredentialsSignin",
    );
  }
  expect(await postSignIn(request, email, "guess 11", { "X-Forwarded-For": "198.51.100.77" })).toMatch(
    /^Too many attempts, try again in 1[45] minutes\.$/,
  );
});

test("a signed-in visit to the login page never redirects off the app", async ({ apiAs }) => {
  const reviewer = await apiAs("reviewer");
  for (const callbackUrl of ["/\\evil.example/phish", "/\t/evil.example", "//evil.example", "https://evil.example/"]) {
    const response = await reviewer.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toBe("/articles");
  }
});

test("the login form sends a crafted return path back into the app", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/\\evil.example/phish")}`);
  await page.getByLabel("Email").fill("reviewer@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`http://localhost:${E2E_PORT}/articles`);
});

test("next-auth's session endpoint agrees once the user signed out everywhere", async ({ signedInAs }) => {
  const laptop = await signedInAs(REVOCATION_USER);
  const phone = await signedInAs(REVOCATION_USER);
  await laptop.goto("/articles");
  expect(await (await phone.request.get("/api/auth/session")).json()).toMatchObject({ userId: expect.any(String) });
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login/);
  expect(await (await phone.request.get("/api/auth/session")).json()).toEqual({});
  expect((await phone.request.get("/api/articles")).status()).toBe(401);
});

/** The API tests' article, a body for a new annotation with a claim of its own, and how many carry that claim. */
async function apiArticle(request: APIRequestContext) {
  const { articles } = await (await request.get("/api/articles")).json();
  const { id } = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE);
  const article = await (await request.get(`/api/articles/${id}`)).json();
  const claim = `Forged claim ${randomUUID()}`;
  const count = async () =>
    (await (await request.get(`/api/articles/${id}/annotations`)).json()).annotations.filter(
      (a: { claim: string }) => a.claim === claim,
    ).length as number;
  const quote = "A second paragraph";
  const start = (article.text as string).indexOf(quote);
  const body = { revisionId: article.revisionId, start, end: start + quote.length, quote, claim, verdict: "false" };
  return { id: article.id as string, body, count };
}

test("a page on another port cannot create an annotation with the reviewer's cookie", async ({ pageAs }) => {
  // The attacker's site: same host, another port (the cookie goes along: same site, other origin).
  let html = "";
  const attacker = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => attacker.listen(0, resolve));
  const attackerPort = (attacker.address() as AddressInfo).port;
  const reviewer = await pageAs("reviewer");
  const { id, body, count } = await apiArticle(reviewer.request);
  // The audit's exploit: a text/plain form whose one field makes the body valid JSON.
  const [name, value] = [JSON.stringify(body).slice(0, -1) + ',"pad":"', '"}'];
  html = `<form method="POST" enctype="text/plain" action="http://localhost:${E2E_PORT}/api/articles/${id}/annotations">
    <input name='${name.replace(/'/g, "&#39;")}' value='${value}'></form><script>document.forms[0].submit()</script>`;
  const answer = reviewer.waitForResponse(`**/api/articles/${id}/annotations`);
  await reviewer.goto(`http://localhost:${attackerPort}/`);
  expect((await answer).status()).toBe(403);
  // Same from script: a no-cors fetch (the only kind that needs no preflight).
  html =
    `<script>fetch("http://localhost:${E2E_PORT}/api/articles/${id}/annotations", { method: "POST", mode: "no-cors", credentials: "include", ` +
    `headers: { "content-type": "text/plain" }, body: ${JSON.stringify(JSON.stringify(body))} })</script>`;
  const fetched = reviewer.waitForResponse(`**/api/articles/${id}/annotations`);
  await reviewer.goto(`http://localhost:${attackerPort}/`);
  expect((await fetched).status()).toBe(403);
  expect(await count()).toBe(0);
  attacker.close();
});

test("a foreign Origin or a non-JSON body is refused on every kind of write, and changes nothing", async ({
  pageAs,
}) => {
  const reviewer = await pageAs("reviewer");
  const { id, body, count } = await apiArticle(reviewer.request);
  const created = await reviewer.request.post(`/api/articles/${id}/annotations`, { data: body });
  expect(created.status()).toBe(201);
  const annotation = await created.json();

  const evil = { Origin: "http://evil.example" };
  const patch = await reviewer.request.patch(`/api/annotations/${annotation.id}`, {
    data: { version: annotation.version, claim: "Changed" },
    headers: evil,
  });
  expect(patch.status()).toBe(403);
  expect((await patch.json()).error.code).toBe("FORBIDDEN");
  expect((await reviewer.request.delete(`/api/annotations/${annotation.id}`, { headers: evil })).status()).toBe(403);
  const plain = await reviewer.request.post(`/api/articles/${id}/annotations`, {
    data: JSON.stringify(body),
    headers: { "content-type": "text/plain" },
  });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.message).toBe("Send the body as JSON, with Content-Type: application/json");

  expect(await count()).toBe(1);
  expect((await (await reviewer.request.get(`/api/annotations/${annotation.id}`)).json()).claim).toBe(body.claim);
  // The app's own origin is welcome.
  const own = await reviewer.request.delete(`/api/annotations/${annotation.id}`, {
    headers: { Origin: `http://localhost:${E2E_PORT}` },
  });
  expect(own.status()).toBe(200);
});

test("pages, API answers and static files carry the security headers", async ({ page }) => {
  const document = await page.goto("/login");
  const headers = document!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Every script Next rendered carries this response's nonce (it is hidden from the DOM, so read the HTML).
  const scripts = (await document!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce per request.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  // The stylesheet is inlined (experimental.inlineCss); a script is a static file served from memory.
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
  const asset = await page.request.get(script!);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  for (const response of [again, await page.request.get("/api/articles"), asset]) {
    expect(response.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
    expect(response.headers()["strict-transport-security"]).toBeUndefined(); // plain http here
  }
});
