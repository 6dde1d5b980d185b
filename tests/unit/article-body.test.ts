import { describe, expect, it } from "vitest";
import { parseArticleBody } from "@/lib/articles/body/parse";

const value = (format: "text" | "markdown" | "html", body: string) => parseArticleBody(format, body).value;

describe("article bodies", () => {
  it("plain text: blank lines separate paragraphs; emoji, curly quotes, no-break spaces, combining marks and line breaks stay", () => {
    const body = "  First “line” 👋 a\u00a0b Cafe\u0301\r\nsame paragraph  \r\n\r\n\n  Second.\n";
    expect(value("text", body)).toEqual([
      { type: "paragraph", children: [{ text: "First “line” 👋 a\u00a0b Cafe\u0301\r\nsame paragraph" }] },
      { type: "paragraph", children: [{ text: "Second." }] },
    ]);
  });

  it("markdown: headings, quotes, lists, emphasis and safe links; raw HTML and images dropped; entities decoded", () => {
    const md =
      "# Title\n\nSome *it* and **bold** [link](https://x.org) [bad](javascript:alert(1)) &amp; 👋\nsoft\n\n> Quoted\n\n- one\n- two\n\n3. " +
      "three\n4. four\n\n<script>alert(1)</script>\n\n![img](https://x.org/a.png)";
    expect(value("markdown", md)).toEqual([
      { type: "heading", level: 2, children: [{ text: "Title" }] },
      {
        type: "paragraph",
        children: [
          { text: "Some " },
          { text: "it", italic: true },
          { text: " and " },
          { text: "bold", bold: true },
          { text: " " },
          { text: "link", link: "https://x.org" },
          { text: " bad & 👋 soft" },
        ],
      },
      { type: "quote", children: [{ text: "Quoted" }] },
      { type: "list-item", ordered: false, children: [{ text: "one" }] },
      { type: "list-item", ordered: false, children: [{ text: "two" }] },
      { type: "list-item", ordered: true, number: 3, children: [{ text: "three" }] },
      { type: "list-item", ordered: true, number: 4, children: [{ text: "four" }] },
    ]);
  });

  it("markdown: raw HTML is dropped in list items, quotes and inline, with the content of scripts and styles (#16)", () => {
    const md =
      "- <script>alert(1)</script>\n- a <b>bold</b> <span>kept</span> word\n- x <script>alert(2)</script> y <style>p{}</style>z\n\n> <div>q</div>\n\nend";
    expect(value("markdown", md)).toEqual([
      { type: "list-item", ordered: false, children: [{ text: "a bold kept word" }] },
      { type: "list-item", ordered: false, children: [{ text: "x  y z" }] },
      { type: "paragraph", children: [{ text: "end" }] },
    ]);
  });

  it("html: a real parser repairs broken markup; scripts, styles, handlers, iframes and images go; safe links stay", () => {
    const html = `<html><head><title>t</title><style>p{}</style></head><body>
      <h1 onclick="evil()">Headline</h1>
      <p>Hello <b>bold <i>both</i></b> <a href="https://ok.example" onmouseover="x()">ok</a> <a href="javascript:alert(1)">js</a>
         <img src=x onerror=alert(1)><script>alert(1)</script><iframe src="https://evil"></iframe>a&nbsp;b 👋 “q”</p>
      <blockquote><p>Quoted <u>text</u></p></blockquote>
      <ol start="2"><li>two<li>three</ol>
      <div>Loose text<br>after break</div>
      <p>Unclosed <b>bold
      <p>next</p>`;
    expect(value("html", html)).toEqual([
      { type: "heading", level: 2, children: [{ text: "Headline" }] },
      {
        type: "paragraph",
        children: [
          { text: "Hello " },
          { text: "bold ", bold: true },
          { text: "both", bold: true, italic: true },
          { text: " " },
          { text: "ok", link: "https://ok.example" },
          { text: " js a\u00a0b 👋 “q”" },
        ],
      },
      { type: "quote", children: [{ text: "Quoted text" }] },
      { type: "list-item", ordered: true, number: 2, children: [{ text: "two" }] },
      { type: "list-item", ordered: true, number: 3, children: [{ text: "three" }] },
      { type: "paragraph", children: [{ text: "Loose text\nafter break" }] },
      { type: "paragraph", children: [{ text: "Unclosed " }, { text: "bold", bold: true }] },
      { type: "paragraph", children: [{ text: "next", bold: true }] },
    ]);
  });

  it("refuses empty, binary and oversized bodies with a clear message", () => {
    expect(() => parseArticleBody("text", "  \n\n ")).toThrow("body: there is no text in it");
    expect(() => parseArticleBody("html", "<script>alert(1)</script><img src=x>")).toThrow(
      "body: there is no text in it",
    );
    expect(() => parseArticleBody("text", "PK\u0003\u0004\u0000\u0000binary")).toThrow(/binary file/);
    expect(() => parseArticleBody("text", "x".repeat(1_000_001))).toThrow(/at most 1,000,000/);
    expect(() => parseArticleBody("text", Array.from({ length: 5_001 }, (_, i) => `p${i}`).join("\n\n"))).toThrow(
      /5,001 blocks/,
    );
  });

  it("gives the canonical text anchors count in", () => {
    expect(parseArticleBody("markdown", "# A\n\nB *c*").text).toBe("A\n\nB c");
  });
});
