import { expect, type Browser, type Page } from "@playwright/test";

export const E2E_PORT = 3100;
export const DEMO_PASSWORD = "factmark-demo";
export const OTHER_DESK_USER = "other@example.com";
/** A reviewer on the other desk whose sessions the security tests end; no other test uses it. */
export const REVOCATION_USER = "revoked@example.com";
/** Demo-desk reviewers that only the authorization matrix signs in as, then deactivates or signs out everywhere. */
export const MATRIX_DEACTIVATED_USER = "matrix-deactivated@example.com";
export const MATRIX_REVOKED_USER = "matrix-revoked@example.com";
/** A read-only API token of the demo desk (tests/e2e/server.ts stores its hash). */
export const MATRIX_TOKEN = `fmk_${"m".repeat(43)}`;
export const DEMO_ARTICLE_TITLE = "White House: Trump will not meet formally with Putin";
/** A second demo-desk article that only the API tests annotate, so files can run in parallel. */
export const API_ARTICLE_TITLE = "Wire copy for API tests";
/** A demo-desk article that only the export and import tests change. */
export const IMPORT_ARTICLE_TITLE = "Wire copy for import tests";
export const IMPORT_ARTICLE_PARAGRAPHS = ["The minister 👋 said exports doubled last year.", "Exports doubled, the minister said again."];

/** Signs in through the real login form and waits for the articles page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
}

/** A signed-in page in its own browser context, so several people can act side by side. */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
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
