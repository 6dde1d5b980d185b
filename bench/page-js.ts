// The JavaScript a page loads, raw and gzipped: the scripts Chromium fetched from /_next/static,
// read back from .next/static and gzipped here, so the figure does not depend on whether the
// server compressed them or the browser had them cached.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

/** Issue #15's target for the article page. */
export const PAGE_JS_TARGET_GZIP_KB = 250;

export type ScriptSize = { scripts: number; rawKB: number; gzipKB: number };
/**
 * What the page loaded by the time it was ready (`readySelector` in the page: for the article,
 * interactive), and in all once the network was idle: code split off the first load (the
 * annotation form and detail) is fetched after it, while the reader reads.
 */
export type PageJs = ScriptSize & { all: ScriptSize };

/** The scripts the page requested: all, or those requested before the performance mark `before`. */
const scriptUrls = (page: Page, before?: string) =>
  page.evaluate((before) => {
    const until = before ? (performance.getEntriesByName(before, "mark")[0]?.startTime ?? Infinity) : Infinity;
    return performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime <= until)
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith("/_next/static/") && new URL(name).pathname.endsWith(".js"));
  }, before);

function sizeOf(urls: string[]): ScriptSize {
  const paths = [
    ...new Set(urls.map((name) => decodeURIComponent(new URL(name).pathname).replace(/^\/_next\//, ".next/"))),
  ];
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { scripts: paths.length, rawKB: Math.round(raw / 1024), gzipKB: Math.round(gzip / 1024) };
}

/**
 * Loads `url` in `page` and sums the /_next/static scripts it fetched: those requested before the
 * page set `readyMark` (read after `readySelector` shows; by then the page may have gone on to
 * fetch what it loads once idle, the annotation form), and all once the network is idle.
 */
export async function measurePageJs(
  page: Page,
  url: string,
  readySelector: string,
  readyMark: string,
): Promise<PageJs> {
  await page.goto(url);
  await page.locator(readySelector).first().waitFor();
  const ready = sizeOf(await scriptUrls(page, readyMark));
  await page.waitForLoadState("networkidle");
  return { ...ready, all: sizeOf(await scriptUrls(page)) };
}
