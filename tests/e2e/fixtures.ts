// The e2e tests' `test` and `expect`. Every spec imports them from here (ESLint enforces it), so
// every page a test opens is watched: a CSP violation, an uncaught page error or a dialog fails
// the test. Signed-in pages and API clients come from the sessions the setup project stored
// (auth.setup.ts), so only the tests about sign-in go through the login form.
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, type Role } from "./seeded";

export * from "./seeded";
export { expect };
export type { APIRequestContext, APIResponse, Locator, Page } from "@playwright/test";

/** Where the setup project stores each role's session (git-ignored). */
export const storageStateOf = (role: Role) => fileURLToPath(new URL(`.auth/${role}.json`, import.meta.url));

/** Signs in over next-auth's credentials endpoint (as the login form does, without drawing it). */
export async function signInOverApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in as ${email}`).toBe(true);
  const error = new URL((await response.json()).url).searchParams.get("error");
  expect(error, `sign-in as ${email}`).toBeNull();
}

// Chromium reports what the CSP blocked on the console: "Executing inline event handler violates
// the following Content Security Policy directive…", "Refused to load the script…" (guard.spec.ts).
const CSP_VIOLATION = /Content Security Policy|^Refused to /;

/** Records what must never happen on a page of the app: CSP violations, uncaught errors, dialogs. */
export function watch(page: Page, problems: string[]) {
  page.on("console", (message) => {
    if (CSP_VIOLATION.test(message.text())) problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  // The app asks in the page (components/shared/ConfirmAction.tsx), so any dialog is a defect.
  page.on("dialog", (dialog) => {
    problems.push(`${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
}

export type Fixtures = {
  /** A page signed in as one of the stored roles, in a browser context of its own. */
  pageAs: (role: Role) => Promise<Page>;
  /** An HTTP client with one of the stored roles' session. */
  apiAs: (role: Role) => Promise<APIRequestContext>;
  /**
   * A page signed in (over the API) as someone who is not a stored role: people a test creates,
   * or the dedicated users whose sessions a test ends.
   */
  signedInAs: (email: string, password?: string) => Promise<Page>;
  /** Problems seen on any page of the test; checked when the test ends. */
  pageProblems: string[];
};

export const test = base.extend<Fixtures>({
  pageProblems: async ({}, provide) => {
    const problems: string[] = [];
    await provide(problems);
    expect(problems, "CSP violations, uncaught errors or dialogs in the browser").toEqual([]);
  },
  page: async ({ page, pageProblems }, provide) => {
    watch(page, pageProblems);
    await provide(page);
  },
  pageAs: async ({ browser, pageProblems }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ storageState: storageStateOf(role) });
      contexts.push(context);
      context.on("page", (page) => watch(page, pageProblems));
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  signedInAs: async ({ browser, pageProblems }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (email, password) => {
      const context = await browser.newContext();
      contexts.push(context);
      context.on("page", (page) => watch(page, pageProblems));
      await signInOverApi(context.request, email, password);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  apiAs: async ({ playwright, baseURL }, provide) => {
    const clients: APIRequestContext[] = [];
    await provide(async (role) => {
      const client = await playwright.request.newContext({ baseURL, storageState: storageStateOf(role) });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.dispose()));
  },
});

/** Signs in through the real login form and waits for the articles page (sign-in tests only). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
}

/** Submits the login form and returns the alert text shown for a failure. */
export async function failSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Scoped to the form: Next's route announcer is an alert too.
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).not.toBeEmpty();
  return alert;
}

/**
 * Waits until the article page has hydrated (and a deep link's detail with it): typing into a
 * field before then reaches no handler, so its draft is not kept.
 */
export const untilInteractive = (page: Page) => page.locator(".workspace[data-interactive='true']").waitFor();
