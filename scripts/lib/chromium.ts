// Which Chromium the e2e tests and the browser benchmarks launch, and how.
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

/** Debian's package puts it here (`apt-get install chromium`). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Said in one line when there is none, before `npm test` runs anything. */
export const NO_CHROMIUM_HINT =
  "No Chromium for the e2e tests: on Debian or Ubuntu run `apt-get install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary, " +
  "or run `npx playwright install chromium`.";

export type ChromiumLookup =
  | { found: true; path: string; source: "PLAYWRIGHT_CHROMIUM_PATH" | "system" | "playwright" }
  | { found: false; problem: string };

/**
 * PLAYWRIGHT_CHROMIUM_PATH when set (and it must exist: a typo is not silently replaced), else
 * Debian's Chromium (Playwright's own download cannot reach these machines), else the browser
 * `npx playwright install chromium` put in Playwright's cache. The file system and Playwright's
 * path come in as arguments so the choice can be unit-tested.
 */
export function findChromium(options: {
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  playwrightPath: () => string;
}): ChromiumLookup {
  const given = options.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (given) {
    if (options.exists(given)) return { found: true, path: given, source: "PLAYWRIGHT_CHROMIUM_PATH" };
    return { found: false, problem: `PLAYWRIGHT_CHROMIUM_PATH is ${given}, which does not exist. ${NO_CHROMIUM_HINT}` };
  }
  if (options.exists(SYSTEM_CHROMIUM)) return { found: true, path: SYSTEM_CHROMIUM, source: "system" };
  const own = options.playwrightPath();
  if (own && options.exists(own)) return { found: true, path: own, source: "playwright" };
  return { found: false, problem: NO_CHROMIUM_HINT };
}

/** The lookup on this machine. */
export const localChromium = () =>
  findChromium({ env: process.env, exists: existsSync, playwrightPath: () => chromium.executablePath() });

const lookup = localChromium();

/** The networking flags stop Chromium from trying to reach the closed network. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: lookup.found ? lookup.path : undefined,
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
