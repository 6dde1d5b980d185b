// The article page in headless Chromium (issue #15 target 1): navigation until every highlight is
// painted and the page is interactive, with 2,000 annotations and without any; a finished
// selection until the Annotate toolbar is shown; and the JavaScript the page loads. Part of
// `npm run bench`; alone: `npx tsx bench/page.ts` after `next build` (port 3300, embedded 54342,
// under the flock). The peer harness (../shared/peer-bench, README) times the same page beside
// recogito's text-annotator.
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/lib/chromium";
import { median, round } from "./stats";
import { measurePageJs, PAGE_JS_TARGET_GZIP_KB, type PageJs } from "./page-js";
import { INTERACTIVE_MARK } from "../components/annotate/interactive-mark";
import { generateParagraphs } from "./fixtures";
import { startFloorPages } from "./floor";

const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 3);
const WORDS = 20_000;
const ANNOTATIONS = 2_000;
const INTERACTIVE = ".workspace[data-interactive='true']";

export type ArticlePageBench = {
  highlightsPaintedMs: number;
  noAnnotationsPaintedMs: number;
  ratio: number;
  selectionToToolbarMs: number;
  toolbarMisses: number;
  pageJs: PageJs;
  /** The same text as a static page and through the floors (bench/floor.ts), medians in ms. */
  staticPageMs: number;
  floorMs: number;
  slateFloorMs: number;
  runs: Record<VisitedPage, number[]> & { toolbar: number[] };
};

type VisitedPage = "static" | "floor" | "slateFloor" | "withoutAnnotations" | "withAnnotations";

/**
 * Times the article page on `baseUrl` for a signed-in `cookie` (a Cookie header): the article
 * with ANNOTATIONS annotations and the same article without any (both WORDS words).
 */
export async function benchArticlePage(
  baseUrl: string,
  cookie: string,
  articles: { annotated: string; plain: string },
): Promise<ArticlePageBench> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const { hostname } = new URL(baseUrl);
    const signedInPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(PAINT_WATCH);
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: "/" };
        }),
      );
      return context.newPage();
    };
    const visits = await firstVisits(signedInPage, {
      withoutAnnotations: `${baseUrl}/articles/${articles.plain}`,
      withAnnotations: `${baseUrl}/articles/${articles.annotated}`,
    });
    const page = await signedInPage();
    await page.goto(`${baseUrl}/articles/${articles.annotated}`);
    await page.locator(INTERACTIVE).waitFor();
    const toolbar = await toolbarTimes(page, 10);
    // A first visit, in a context of its own: in the page above, the code the toolbar and form
    // loaded is in the memory cache, and its idle fetch lands before the figure is read.
    const pageJs = await measurePageJs(
      await signedInPage(),
      `${baseUrl}/articles/${articles.plain}`,
      INTERACTIVE,
      INTERACTIVE_MARK,
    );
    return {
      highlightsPaintedMs: round(median(visits.withAnnotations)),
      noAnnotationsPaintedMs: round(median(visits.withoutAnnotations)),
      ratio: round(median(visits.withAnnotations) / median(visits.withoutAnnotations), 2),
      staticPageMs: round(median(visits.static)),
      floorMs: round(median(visits.floor)),
      slateFloorMs: round(median(visits.slateFloor)),
      selectionToToolbarMs: round(median(toolbar.filter((t) => !Number.isNaN(t)))),
      toolbarMisses: toolbar.filter((t) => Number.isNaN(t)).length,
      pageJs,
      runs: { ...visits, toolbar },
    };
  } finally {
    await browser.close();
  }
}

/**
 * First visits, each in a fresh browser context (no HTTP or code cache, as the peer harness
 * measures): the article page without and with annotations, the same text as a static page and
 * through the two floors (bench/floor.ts). One warm-up round, then PAGE_LOADS rounds, the
 * pages taken in turn so a busy moment of the machine falls on all of them.
 */
async function firstVisits(
  signedInPage: () => Promise<Page>,
  articlePages: { withoutAnnotations: string; withAnnotations: string },
): Promise<Record<VisitedPage, number[]>> {
  const floors = await startFloorPages(generateParagraphs(WORDS));
  try {
    const pages: [VisitedPage, string, number][] = [
      ["static", floors.staticUrl, 0],
      ["floor", floors.floorUrl, 0],
      ["slateFloor", floors.slateFloorUrl, 0],
      ["withoutAnnotations", articlePages.withoutAnnotations, 0],
      ["withAnnotations", articlePages.withAnnotations, ANNOTATIONS],
    ];
    const times: Record<VisitedPage, number[]> = {
      static: [],
      floor: [],
      slateFloor: [],
      withoutAnnotations: [],
      withAnnotations: [],
    };
    for (let pass = 0; pass <= PAGE_LOADS; pass++) {
      for (const [name, url, expected] of pages) {
        const page = await signedInPage();
        try {
          const ms = await loadTime(page, url, expected);
          if (pass > 0) times[name].push(ms);
        } finally {
          await page.context().close();
        }
      }
    }
    return times;
  } finally {
    await floors.stop();
  }
}

/**
 * Watches every page load from its first script (an init script, as the peer harness does, so the
 * figure is read in the page and not delayed by the harness): after each frame in which the DOM
 * changed, once the article's blocks are in and the page is interactive, it logs how many
 * annotations are painted (marks covering their ids, or ranges registered with CSS.highlights) and
 * when the frame's rendering update was done. A string: tsx would wrap named functions in a
 * __name() the page does not have.
 */
const PAINT_WATCH = `(() => {
  const log = (window.__paints = []);
  let queued = false;
  const check = () => {
    queued = false;
    const blocks = document.querySelectorAll("[data-slate-editor] [data-slate-node='element']").length;
    if (!blocks || !document.querySelector("[data-interactive='true']")) return;
    const ids = new Set();
    document.querySelectorAll("mark[data-annotation-ids]").forEach((m) => m.dataset.annotationIds.split(" ").forEach((id) => ids.add(id)));
    let ranges = 0;
    if (window.CSS && CSS.highlights) CSS.highlights.forEach((h) => (ranges += h.size));
    const count = Math.max(ids.size, ranges);
    if (log.length && log[log.length - 1].count === count) return;
    const entry = { count, painted: 0 };
    log.push(entry);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (entry.painted = performance.now());
    channel.port2.postMessage(0);
  };
  new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(check); } }).observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-interactive"],
  });
})();`;

/**
 * One load of `url` in `page` (whose context runs PAINT_WATCH): ms from navigation start until the
 * article and `expected` annotations' highlights are painted and the page is interactive.
 */
async function loadTime(page: Page, url: string, expected: number): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const painted = await page.waitForFunction(
    (expected) => {
      const paints = (window as unknown as { __paints?: { count: number; painted: number }[] }).__paints;
      return paints?.find((entry) => entry.count >= expected && entry.painted > 0)?.painted ?? false;
    },
    expected,
    { polling: 50, timeout: 30_000 },
  );
  if (process.env.BENCH_DEBUG) {
    const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType("navigation")[0]));
    const { responseStart, responseEnd, domInteractive, domContentLoadedEventEnd, transferSize } = JSON.parse(nav);
    console.log({ url, responseStart, responseEnd, domInteractive, domContentLoadedEventEnd, transferSize, painted });
  }
  return round((await painted.jsonValue()) as number);
}

/** ms from a finished selection to the Annotate toolbar in the DOM (NaN if it never came). */
async function toolbarTimes(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    const cleared = await page
      .locator("[role='toolbar'][aria-label='Selection']")
      .waitFor({ state: "detached", timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (!cleared) {
      times.push(Number.NaN); // the toolbar outlived its selection: count it as a miss
      continue;
    }
    times.push(
      await page.evaluate(
        (i) =>
          new Promise<number>((resolve) => {
            const strings = document.querySelectorAll("[data-slate-string]");
            const node = strings[(i * 37) % strings.length].firstChild as Text;
            const range = document.createRange();
            range.setStart(node, 0);
            range.setEnd(node, Math.min(node.data.length, 12));
            const started = performance.now();
            // No named helpers in here: tsx would wrap them in a __name() the page does not have.
            const observer = new MutationObserver(() => {
              if (!document.querySelector("[role='toolbar'][aria-label='Selection']")) return;
              observer.disconnect();
              resolve(performance.now() - started);
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setTimeout(() => {
              observer.disconnect();
              resolve(Number.NaN);
            }, 5000);
            window.getSelection()!.addRange(range);
          }),
        i,
      ),
    );
  }
  return times.map((t) => round(t));
}

export function reportArticlePage(b: ArticlePageBench) {
  console.log(
    `\nBrowser (headless Chromium, ${WORDS.toLocaleString("en")} words, first visits: a fresh context each, ` +
      `median of ${PAGE_LOADS} loads, the pages in turn)`,
  );
  console.log(
    `  navigation → ${ANNOTATIONS} annotations' highlights painted  ${b.highlightsPaintedMs} ms   (target ≤ 1500 ms)`,
  );
  console.log(`  navigation → same article, no annotations, painted  ${b.noAnnotationsPaintedMs} ms`);
  console.log(`  ratio                                               ${b.ratio}      (target ≤ 1.5)`);
  console.log(
    `  finished selection → toolbar shown (median of 10)   ${b.selectionToToolbarMs} ms   (target ≤ 50 ms)` +
      (b.toolbarMisses
        ? `  (${b.toolbarMisses} of 10 runs missed: no toolbar within 5 s, or it outlived its selection)`
        : ""),
  );
  const times = (ms: number, of: number) => `${round(ms / of, 2)}×`;
  console.log(`  the same text as a static page                      ${b.staticPageMs} ms`);
  console.log(
    `  floors (bench/floor): Next.js, one client component ${b.floorMs} ms, ${times(b.floorMs, b.staticPageMs)} static; ` +
      `with the text in read-only Slate ${b.slateFloorMs} ms, ${times(b.slateFloorMs, b.staticPageMs)} static`,
  );
  console.log(
    `  article page vs static / vs floor: no annotations ${times(b.noAnnotationsPaintedMs, b.staticPageMs)} ` +
      `(target ≤ 3×) / ${times(b.noAnnotationsPaintedMs, b.floorMs)}; ${ANNOTATIONS} annotations ` +
      `${times(b.highlightsPaintedMs, b.staticPageMs)} / ${times(b.highlightsPaintedMs, b.floorMs)}`,
  );
  console.log(
    `  article page JavaScript until interactive (${b.pageJs.scripts} scripts) ${b.pageJs.gzipKB} KB gzipped, ` +
      `${b.pageJs.rawKB} KB raw   (target ≤ ${PAGE_JS_TARGET_GZIP_KB} KB gzipped)`,
  );
  console.log(
    `    with the panel's code fetched after it (${b.pageJs.all.scripts} scripts) ${b.pageJs.all.gzipKB} KB gzipped, ${b.pageJs.all.rawKB} KB raw`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runAlone } = await import("./standalone");
  const { createBenchArticle } = await import("./fixtures");
  await runAlone({
    label: "page",
    embeddedPort: 54342,
    prepare: async (db) => {
      const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
      const author = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
      const base = { workspaceId: workspace.id, authorId: author.id, words: WORDS };
      const annotated = await createBenchArticle(db, {
        ...base,
        title: "Bench: annotated",
        annotationCount: ANNOTATIONS,
      });
      const plain = await createBenchArticle(db, { ...base, title: "Bench: plain", annotationCount: 0 });
      return { annotated: annotated.id, plain: plain.id };
    },
    run: async (url, cookie, articles) => reportArticlePage(await benchArticlePage(url, cookie, articles)),
  });
}
