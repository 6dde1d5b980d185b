import { describe, expect, it } from "vitest";
import { readDemoArticle } from "../../prisma/seed";

describe("readDemoArticle", () => {
  const article = readDemoArticle();

  it("takes the section and headline from the seed file's first lines", () => {
    expect(article.section).toBe("Administration");
    expect(article.title).toBe("White House: Trump will not meet formally with Putin");
  });

  it("keeps every paragraph's text exactly, including curly quotes and no-break spaces", () => {
    expect(article.paragraphs).toHaveLength(18);
    expect(article.paragraphs[0]).toMatch(/^President Trump will not have a “formal” meeting/);
    expect(article.paragraphs.at(-1)).toBe(
      "Trump and Putin previously met twice in July at the G20 summit in Germany.",
    );
    expect(article.paragraphs.some((p) => p.includes("\u00a0"))).toBe(true);
    expect(article.paragraphs.every((p) => p.length > 0 && !p.includes("\n\n"))).toBe(true);
  });
});
