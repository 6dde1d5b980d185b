// What tests/e2e/server.ts puts in the e2e database, for the server, the setup project and the specs.
// Kept free of Playwright's test runner so the server and playwright.config.ts can import it.
import { DASHBOARD_EDITOR } from "../support/dashboard-fixture";

export const E2E_PORT = 3100;
/** A second app instance on the same database and secret (tests/e2e/live.spec.ts: events cross instances). */
export const E2E_SECOND_PORT = 3102;
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
export const IMPORT_ARTICLE_PARAGRAPHS = [
  "The minister 👋 said exports doubled last year.",
  "Exports doubled, the minister said again.",
];
/** A reviewer on the demo desk who is also an editor on the other desk: only the workspace switcher test signs in as them. */
export const TWO_DESKS_USER = "two-desks@example.com";
/** The admin of a desk of their own whose verdict scale only the reordering test changes (the demo desk's order is what number keys pick). */
export const SCALE_ADMIN = "scale-admin@example.com";
/** The XSS desk (tests/e2e/xss.spec.ts): a workspace whose every user-set field holds a script payload. */
export const XSS_ADMIN = "xss-admin@example.com";

/**
 * The people whose sessions the setup project stores, once per run. No test may end these
 * sessions (sign out everywhere, deactivate, demote): tests that do use users of their own.
 */
export const ROLES = {
  admin: "admin@example.com",
  editor: "editor@example.com",
  reviewer: "reviewer@example.com",
  reviewer2: "reviewer2@example.com",
  otherAdmin: OTHER_DESK_USER,
  dashboardEditor: DASHBOARD_EDITOR,
  xssAdmin: XSS_ADMIN,
} as const;
export type Role = keyof typeof ROLES;
