import { describe, expect, it } from "vitest";
import { parseFragment } from "parse5";
import { escapeHtml, html, jsonLd } from "@/lib/publish/html";
import { passageAround } from "@/lib/publish/passage";
import { segmentBlock } from "@/lib/publish/render/article-page";
import { atomFeed, sitemap } from "@/lib/publish/render/feeds";
import { verdictPosition } from "@/lib/publish/render/verdict";
import { shorten } from "@/lib/publish/render/document";
import { isEmbedPath, contentSecurityPolicy } from "@/lib/http/security-headers";
import type { PublicCheckSummary } from "@/lib/publish/checks";

const urls = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

const summary = (over: Partial<PublicCheckSummary> = {}): PublicCheckSummary => ({
  id: "ckpublic000000000000001",
  claim: "Taxes <rose> & “fell”",
  claimant: null,
  rationale: "Because\u0001 the table says so.",
  quote: "Taxes rose",
  verdict: {
    key: "mostly-false",
    label: "Mostly false",
    description: null,
    scale: ["True", "Mostly true", "Mostly false", "False"],
    index: 2,
  },
  article: { id: "ckarticle00000000000001", title: "A", outlet: null, sourceUrl: null },
  desk: "Desk & Co",
  updatedAt: "2026-12-01T10:00:00.000Z",
  correctionNote: null,
  ...over,
});

describe("the public pages' HTML builder", () => {
  it("escapes every interpolated string, in text and in attributes, and keeps built HTML as is", () => {
    const hostile = `"><script>alert(1)</script>'`;
    const out = html`<a href="${hostile}" title="${hostile}"
      >${hostile}${html`<b>kept</b>`}${[hostile, null, false]}</a
    >`.value;
    expect(out).not.toContain("<script>");
    expect(out).toContain("<b>kept</b>");
    const [a] = parseFragment(out).childNodes as unknown as {
      nodeName: string;
      attrs: { name: string; value: string }[];
    }[];
    expect(a.nodeName).toBe("a");
    expect(a.attrs).toEqual([
      { name: "href", value: hostile },
      { name: "title", value: hostile },
    ]);
    expect(escapeHtml("&<>\"'")).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("writes JSON-LD that no string can close the script element with, and that parses back equal", () => {
    const value = { claimReviewed: "</script><script>alert(1)</script><!--", note: "line\u2028sep" };
    const text = jsonLd(value).value;
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("passageAround", () => {
  const text = "First block.\n\nBefore the quote THE QUOTE after it.\n\nLast block.";
  it("gives the quote with the rest of its block, not its neighbours", () => {
    const start = text.indexOf("THE QUOTE");
    expect(passageAround(text, start, start + 9)).toEqual({
      before: "Before the quote ",
      quote: "THE QUOTE",
      after: " after it.",
    });
    expect(passageAround(text, 0, 5)).toEqual({ before: "", quote: "First", after: " block." });
  });

  it("cuts long context at a word with an ellipsis, never inside an emoji", () => {
    const long = `${"word ".repeat(100)}😀QUOTE😀${" more".repeat(100)}`;
    const start = long.indexOf("QUOTE");
    const passage = passageAround(long, start, start + 5);
    expect(passage.before.startsWith("…")).toBe(true);
    expect(passage.after.endsWith("…")).toBe(true);
    expect(passage.before.length).toBeLessThanOrEqual(282);
    expect(passage.before.endsWith("😀")).toBe(true);
    expect(passage.after.startsWith("😀")).toBe(true);
  });
});

describe("segmentBlock", () => {
  it("cuts leaves at checks' edges; overlapping checks give each piece to the innermost", () => {
    const leaves = [{ text: "Hello " }, { text: "bold world", bold: true }, { text: " end" }];
    const segments = segmentBlock(leaves, [
      { id: "outer", start: 3, end: 14 },
      { id: "inner", start: 8, end: 12 },
    ]);
    expect(segments.map((s) => [s.text, s.checkId, Boolean(s.leaf.bold)])).toEqual([
      ["Hel", null, false],
      ["lo ", "outer", false],
      ["bo", "outer", true],
      ["ld w", "inner", true],
      ["or", "outer", true],
      ["ld", null, true],
      [" end", null, false],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("Hello bold world end");
  });

  it("ignores checks outside the block", () => {
    expect(segmentBlock([{ text: "abc" }], [{ id: "x", start: -10, end: -2 }]).map((s) => s.checkId)).toEqual([null]);
  });
});

describe("verdicts in words", () => {
  it("says where a verdict sits on the scale, or that it has no place on it", () => {
    expect(verdictPosition(summary().verdict)).toBe("3 of 4 on the desk's scale, from True to False");
    expect(verdictPosition({ ...summary().verdict, index: null })).toBe("Outside the desk's true–false scale");
  });

  it("shortens at a word boundary", () => {
    expect(shorten("one two three four", 12)).toBe("one two…");
    expect(shorten("short", 12)).toBe("short");
  });
});

describe("feeds", () => {
  it("writes Atom with escaped text and without characters XML cannot carry", () => {
    const feed = atomFeed([summary()], urls);
    expect(feed).toContain("<id>https://factmark.example/checks/ckpublic000000000000001</id>");
    expect(feed).toContain("Taxes &lt;rose&gt; &amp; “fell”");
    expect(feed).toContain("<name>Desk &amp; Co</name>");
    expect(feed).not.toContain("\u0001");
    expect(feed).toContain("<updated>2026-12-01T10:00:00.000Z</updated>");
  });

  it("lists check pages and reading views in the sitemap", () => {
    const map = sitemap(
      [
        { kind: "check", id: "c1", lastModified: "2026-12-01T10:00:00.000Z" },
        { kind: "article", id: "a1", lastModified: "2026-12-01T10:00:00.000Z" },
      ],
      urls,
    );
    expect(map).toContain("<loc>https://factmark.example/checks/c1</loc>");
    expect(map).toContain("<loc>https://factmark.example/read/a1</loc>");
  });
});

describe("framing", () => {
  it("lets other sites frame a check's embed and nothing else", () => {
    expect(isEmbedPath("/checks/abc/embed")).toBe(true);
    expect(isEmbedPath("/checks/abc/embed?x=1")).toBe(true);
    for (const path of ["/checks/abc", "/checks/abc/embed/x", "/read/abc", "/articles/abc/embed", "/checks/a/b/embed"])
      expect(isEmbedPath(path), path).toBe(false);
    const policy = (path: string) => contentSecurityPolicy({ nonce: "n", dev: false, https: false, path });
    expect(policy("/checks/abc/embed")).toContain("frame-ancestors *");
    expect(policy("/checks/abc")).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: false })).toContain("frame-ancestors 'none'");
  });
});
