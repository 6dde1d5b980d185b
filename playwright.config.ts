import { availableParallelism } from "node:os";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";
import { E2E_PORT } from "./tests/e2e/seeded";

/** The e2e server (tests/e2e/server.ts), given `args`: the screenshots config passes its own. */
export const e2eServer = (args = "") => ({
  command: `npx tsx tests/e2e/server.ts${args}`,
  url: `http://localhost:${E2E_PORT}/login`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  // The app server needs a share of the CPU too: one worker per core, at least two.
  workers: Math.max(2, availableParallelism()),
  // A flaky test is fixed or rewritten, never retried into green.
  retries: 0,
  // A step is a few page loads; a test that needs longer says why with test.setTimeout.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // Signs each role in once and stores the sessions (tests/e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "e2e", testMatch: /\.spec\.ts$/, dependencies: ["setup"] },
  ],
  webServer: e2eServer(),
});
