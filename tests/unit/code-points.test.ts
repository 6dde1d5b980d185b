import { describe, expect, it } from "vitest";
import { CodePointIndex } from "@/lib/anchoring/code-points";

describe("CodePointIndex", () => {
  it("counts an emoji as one code point and two UTF-16 units", () => {
    const text = "a👋b😀😀c";
    const index = new CodePointIndex(text);
    for (let utf16 = 0, cp = 0; utf16 <= text.length; cp++) {
      expect(index.toCodePoints(utf16)).toBe(cp);
      expect(index.toUtf16(cp)).toBe(utf16);
      utf16 += utf16 < text.length ? String.fromCodePoint(text.codePointAt(utf16)!).length : 1;
    }
    expect(index.toCodePoints(text.length)).toBe([...text].length);
  });

  it("agrees with Array.from on text with combining marks, CRLF and no-break spaces", () => {
    const text = "cafe\u0301\r\n\u00a0“x” 👋🏽 y";
    const index = new CodePointIndex(text);
    for (let utf16 = 0; utf16 <= text.length; utf16++) {
      const insidePair =
        utf16 > 0 && /[\ud800-\udbff]/.test(text[utf16 - 1]) && /[\udc00-\udfff]/.test(text[utf16] ?? "");
      if (insidePair) continue;
      expect(index.toCodePoints(utf16)).toBe(Array.from(text.slice(0, utf16)).length);
    }
  });

  it("is the identity without astral characters", () => {
    const index = new CodePointIndex("plain text");
    expect(index.toCodePoints(5)).toBe(5);
    expect(index.toUtf16(5)).toBe(5);
  });
});
