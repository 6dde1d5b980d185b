import { describe, expect, it } from "vitest";
import { findChromium, NO_CHROMIUM_HINT, SYSTEM_CHROMIUM } from "../../scripts/lib/chromium";

const PLAYWRIGHT_OWN = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";
const lookup = (env: Record<string, string>, files: string[]) =>
  findChromium({ env, exists: (file) => files.includes(file), playwrightPath: () => PLAYWRIGHT_OWN });

describe("findChromium", () => {
  it("prefers PLAYWRIGHT_CHROMIUM_PATH over everything", () => {
    expect(
      lookup({ PLAYWRIGHT_CHROMIUM_PATH: "/opt/chromium" }, ["/opt/chromium", SYSTEM_CHROMIUM, PLAYWRIGHT_OWN]),
    ).toEqual({ found: true, path: "/opt/chromium", source: "PLAYWRIGHT_CHROMIUM_PATH" });
  });

  it("refuses a PLAYWRIGHT_CHROMIUM_PATH that does not exist rather than quietly using another browser", () => {
    const result = lookup({ PLAYWRIGHT_CHROMIUM_PATH: "/opt/typo" }, [SYSTEM_CHROMIUM]);
    expect(result).toEqual({
      found: false,
      problem: expect.stringContaining("PLAYWRIGHT_CHROMIUM_PATH is /opt/typo, which does not exist."),
    });
  });

  it("uses Debian's Chromium, then Playwright's own download", () => {
    expect(lookup({}, [SYSTEM_CHROMIUM, PLAYWRIGHT_OWN])).toMatchObject({
      found: true,
      path: SYSTEM_CHROMIUM,
      source: "system",
    });
    expect(lookup({}, [PLAYWRIGHT_OWN])).toMatchObject({ found: true, path: PLAYWRIGHT_OWN, source: "playwright" });
  });

  it("without any, says in one line how to get one", () => {
    const result = lookup({}, []);
    expect(result).toEqual({ found: false, problem: NO_CHROMIUM_HINT });
    expect(NO_CHROMIUM_HINT).not.toContain("\n");
    for (const way of ["apt-get install chromium", "PLAYWRIGHT_CHROMIUM_PATH", "npx playwright install chromium"])
      expect(NO_CHROMIUM_HINT).toContain(way);
  });
});
