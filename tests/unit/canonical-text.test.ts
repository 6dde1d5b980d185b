import { describe, expect, it } from "vitest";
import { BLOCK_SEPARATOR, blockText, canonicalText } from "@/lib/anchoring/canonical-text";
import { paragraphsToValue } from "@/lib/articles/slate-value";

describe("canonicalText", () => {
  it("joins blocks with the fixed separator and concatenates leaves exactly", () => {
    const value = [
      { type: "heading" as const, level: 2 as const, children: [{ text: "Head" }] },
      { type: "paragraph" as const, children: [{ text: "A " }, { text: "bold", bold: true }, { text: "\u00a0👋" }] },
    ];
    expect(BLOCK_SEPARATOR).toBe("\n\n");
    expect(blockText(value[1])).toBe("A bold\u00a0👋");
    expect(canonicalText(value)).toBe("Head\n\nA bold\u00a0👋");
  });

  it("keeps CRLF, combining marks and curly quotes untouched", () => {
    const paragraphs = ["line\r\nbreak", "cafe\u0301 “quoted”"];
    expect(canonicalText(paragraphsToValue(paragraphs))).toBe(paragraphs.join("\n\n"));
  });

  it("is empty for an empty body", () => {
    expect(canonicalText([])).toBe("");
  });
});
