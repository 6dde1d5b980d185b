import { describe, expect, it } from "vitest";
import { checkBodyShape, SHAPE_LIMITS } from "@/lib/articles/body/shape";
import { parseArticleBody } from "@/lib/articles/body/parse";
import { PARSE_LIMITS, parseArticleBodyInWorker } from "@/lib/articles/body/parse-pool";

const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");

describe("body shape, checked on the raw text", () => {
  it("refuses nesting past the limit before any parser runs", () => {
    expect(() => checkBodyShape("markdown", ">".repeat(5_000) + " a")).toThrow(/line 1 is nested over 32 levels/);
    expect(() => checkBodyShape("markdown", nestedList(1_000))).toThrow(/nested over 32 levels/);
    expect(() => checkBodyShape("html", "<div>".repeat(80_000))).toThrow(/elements are nested over 32 levels/);
    expect(() => checkBodyShape("html", "<span><b>".repeat(17))).toThrow(/nested/);
  });

  it("refuses oversized or delimiter-heavy Markdown paragraphs", () => {
    expect(() => checkBodyShape("markdown", "*a".repeat(150_000))).toThrow(/over 100,000 characters; split it/);
    expect(() => checkBodyShape("markdown", "_a ".repeat(SHAPE_LIMITS.markdownDelimiters + 1))).toThrow(
      /emphasis marks/,
    );
    // The same marks spread over paragraphs are fine.
    expect(() =>
      checkBodyShape("markdown", Array.from({ length: 10 }, () => "_a_ ".repeat(500)).join("\n\n")),
    ).not.toThrow();
  });

  it("lets real articles through: nested lists and quotes a few levels deep, unclosed <p>, void elements, comments", () => {
    expect(() =>
      checkBodyShape("markdown", nestedList(8) + "\n\n> > quoted twice\n\n1. one\n   1. nested"),
    ).not.toThrow();
    expect(() =>
      checkBodyShape("html", "<p>para".repeat(3_000) + "<br><img src=x><hr/>" + "<!-- <div> -->".repeat(100)),
    ).not.toThrow();
    expect(() => checkBodyShape("html", "<div><p>a</p></div>".repeat(10_000))).not.toThrow();
    expect(() => checkBodyShape("html", "<a".repeat(300_000))).not.toThrow(); // unclosed tags: no element, linear scan
    const text = parseArticleBody("markdown", nestedList(8));
    expect(text.value).toHaveLength(8);
  });

  // Timings are the benchmark's (bench/body-parse.ts); a scan that backtracked would outlast
  // the test's own timeout by minutes.
  it("scans hostile HTML without backtracking", () => {
    for (const body of ['<a "'.repeat(250_000), "<".repeat(1_000_000), "<!--".repeat(250_000)])
      expect(() => checkBodyShape("html", body)).not.toThrow();
  });
});

describe("the parser thread", () => {
  it("answers the same as parsing in place", async () => {
    const body = "# Title\n\nThe *minister* said [so](https://example.com).\n\n> quoted";
    expect(await parseArticleBodyInWorker("markdown", body)).toEqual(parseArticleBody("markdown", body));
    await expect(parseArticleBodyInWorker("html", "<div>".repeat(100))).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/nested/),
    });
    await expect(parseArticleBodyInWorker("text", "   ")).rejects.toMatchObject({
      status: 400,
      message: "body: there is no text in it",
    });
  });

  it("refuses a body that runs past the time limit with 400 too complex, while this thread stays responsive", async () => {
    // 250 paragraphs of 1,999 underscores each pass the raw checks (just under the delimiter
    // limit), and take marked about 6 s on a quiet machine; 500 of 999 took 3.8 s, close enough
    // to the 2.5 s limit that a quiet CI run once read them in time.
    const slow = Array.from({ length: 250 }, () => "_a".repeat(1_999)).join("\n\n");
    // Parsed on this thread, it would block every timer until it finished; in the worker, this
    // thread's timers keep running meanwhile. (How promptly is the benchmark's to measure.)
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const error = await parseArticleBodyInWorker("markdown", slow).catch((e) => e);
    clearInterval(ticker);
    expect(error).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^body: too complex to read within 2.5 s/),
    });
    expect(ticks).toBeGreaterThan(10);
    // A fresh thread takes the next body.
    expect((await parseArticleBodyInWorker("text", "Still here.")).text).toBe("Still here.");
  }, 20_000);

  it("keeps its queue bounded: past it, 429 busy", async () => {
    const jobs = Array.from({ length: PARSE_LIMITS.queue + 3 }, () => parseArticleBodyInWorker("text", "x"));
    const results = await Promise.allSettled(jobs);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 429 });
  });
});
