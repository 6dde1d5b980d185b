import { randomUUID } from "node:crypto";
import { DEMO_ARTICLE_TITLE, expect, failSignIn, signIn, test } from "./fixtures";

const ROLES = [
  ["admin@example.com", "Admin"],
  ["editor@example.com", "Editor"],
  ["reviewer@example.com", "Reviewer"],
  ["reviewer2@example.com", "Reviewer"],
] as const;

for (const [email, role] of ROLES) {
  test(`${email} signs in as ${role} and reads the demo article`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByTestId("current-role")).toHaveText(role);
    await expect(page.getByLabel("Workspace")).toHaveText("Demo desk");
    await page.getByRole("link", { name: DEMO_ARTICLE_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_ARTICLE_TITLE);
    await expect(page.getByTestId("article-body")).toContainText("Sanders blamed “scheduling conflicts on both sides”");
    await expect(page.getByTestId("article-body").locator("p")).toHaveCount(18);
  });
}

test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
  await page.goto("/login");
  await expect(await failSignIn(page, "reviewer@example.com", "not-the-password")).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(await failSignIn(page, "nobody-here@example.com", "whatever")).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/login/);
});

test("empty and oversized fields get a clear message without a request", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Enter your email");
  await page.getByLabel("Email").fill("reviewer@example.com");
  await page.getByLabel("Password").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  await page.getByLabel("Password").fill("p".repeat(5000));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Password is too long");
});

test("the 11th failed attempt for one email is throttled with a retry time", async ({ page }) => {
  const email = `throttle-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto("/login");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await expect(await failSignIn(page, email, `guess ${attempt}`)).toHaveText("Email or password is incorrect.");
  }
  await expect(await failSignIn(page, email, "guess 11")).toHaveText(
    /^Too many attempts, try again in 1[45] minutes\.$/,
  );
});

test("a logged-out visitor is sent to the login page and back after signing in", async ({ page }) => {
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fpeople$/);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("factmark-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
});

test("the API answers 401 JSON without a session", async ({ request }) => {
  for (const path of ["/api/articles", "/api/articles/c000000000000000000000000"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in first" } });
  }
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "reviewer2@example.com");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("a sign-in sent before the page's code has run never puts the password in an address", async ({ page }) => {
  const password = `pre-hydration-${randomUUID()}`;
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  // The page's scripts never arrive: the form is sent by the browser itself.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/login?returnTo=%2Farticles", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Email").fill("reviewer@example.com");
  await page.getByLabel("Password").fill(password);
  const sent = page.waitForRequest((request) => request.isNavigationRequest());
  await page.getByLabel("Password").press("Enter");
  const request = await sent;
  expect(request.method()).toBe("POST");
  expect(request.postData()).toContain(encodeURIComponent(password));
  // The page answers the POST as it answers a GET: the sign-in form again, the address unchanged.
  expect((await request.response())?.status()).toBe(200);
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.waitForLoadState("domcontentloaded");
  expect(addresses.filter((address) => address.includes(password))).toEqual([]);
  expect(page.url()).not.toContain(password);
});
