// How Chromium is launched here, for the e2e tests and the browser benchmarks.
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium by default (Playwright's own download cannot reach these machines);
 * PLAYWRIGHT_CHROMIUM_PATH overrides it, and without either Playwright's own browser is used.
 * The networking flags stop Chromium from trying to reach the closed network.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
