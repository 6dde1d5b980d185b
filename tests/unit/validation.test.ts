import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  calendarDate,
  int4,
  int4Param,
  INT4_MAX,
  isCalendarDate,
  isCalendarDateOrTimestamp,
  safeString,
  startOfNextDay,
  textProblem,
} from "@/lib/validation";
import { findBadString, jsonDepth, MAX_JSON_DEPTH } from "@/lib/http/json-input";

const message = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0].message;
};

describe("text", () => {
  it("refuses NUL and lone surrogates, keeps every real character", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("a\uD800b")).toMatch(/surrogate/);
    expect(textProblem("\uDC00")).toMatch(/surrogate/);
    expect(textProblem("x\uD83D")).toMatch(/surrogate/);
    for (const ok of ["", "plain", "👋 emoji", "\u200F right-to-left mark \u202E", "e\u0301", "\u00A0nbsp", "\uFFFF"])
      expect(textProblem(ok)).toBeNull();
  });

  it("names the field", () => {
    expect(message(safeString("Claim"), "a\u0000")).toBe("Claim must not contain NUL (U+0000) characters");
    expect(message(safeString("Claim"), 3)).toBe("Claim must be text");
  });
});

describe("calendar dates", () => {
  it("accepts real days of years 0001-9999 only", () => {
    for (const ok of ["0001-01-01", "2024-02-29", "2026-12-31", "9999-12-31", "0099-06-15"])
      expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of [
      "0000-01-01",
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "10000-01-01",
      "+02026-01-01",
      "2026-1-1",
      "2026-01-01T00:00:00Z",
      "",
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it("timestamps must fall on a real day too", () => {
    expect(isCalendarDateOrTimestamp("2026-11-01T10:00:00Z")).toBe(true);
    expect(isCalendarDateOrTimestamp("2026-11-01T10:00:00.123+02:00")).toBe(true);
    expect(isCalendarDateOrTimestamp("2026-02-30T10:00:00Z")).toBe(false);
    expect(isCalendarDateOrTimestamp("0000-01-01")).toBe(false);
    expect(isCalendarDateOrTimestamp("2026-11-01T99:00:00Z")).toBe(false);
  });

  it("the day after the last day is no bound at all instead of an overflow", () => {
    expect(startOfNextDay("9999-12-31")).toBeNull();
    expect(startOfNextDay("9999-12-30")?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
    expect(startOfNextDay("2024-02-28")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it("names the field", () => {
    expect(message(calendarDate("to"), "2026-02-30")).toMatch(/^to must be a real date/);
  });
});

describe("int4 numbers", () => {
  it("bounds JSON numbers to int4", () => {
    expect(int4("start").parse(INT4_MAX)).toBe(INT4_MAX);
    expect(message(int4("start"), INT4_MAX + 1)).toMatch(/^start is too large/);
    expect(message(int4("start"), -1)).toMatch(/^start must be at least 0/);
    expect(message(int4("start"), 1.5)).toMatch(/^start must be a whole number/);
    expect(message(int4("start"), Number.MAX_SAFE_INTEGER + 2)).toMatch(/^start/);
    expect(message(int4("start"), "3")).toMatch(/^start must be a number/);
  });

  it("reads path and query text as digits only", () => {
    expect(int4Param("version", 1).parse("7")).toBe(7);
    expect(int4Param("version", 1).parse(7)).toBe(7);
    expect(message(int4Param("version", 1), "2147483648")).toMatch(/^version is too large/);
    expect(message(int4Param("version", 1), "99999999999999999999")).toMatch(/^version/);
    for (const bad of ["1e3", " 1", "0x10", "1.0", "", "Infinity", "NaN"])
      expect(message(int4Param("version", 1), bad), bad).toMatch(/^version/);
    expect(message(int4Param("version", 1), "0")).toMatch(/^version must be at least 1/);
  });
});

describe("JSON input", () => {
  it("measures nesting on the raw text, ignoring brackets inside strings", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth("[".repeat(60_000) + "]".repeat(60_000))).toBe(MAX_JSON_DEPTH + 1); // stops counting past the limit
  });

  it("finds the first string no text column can store, with its path", () => {
    expect(findBadString({ sources: [{ title: "ok" }, { title: "bad\u0000" }] })).toEqual({
      field: "sources.1.title",
      problem: expect.stringMatching(/NUL/),
    });
    expect(findBadString({ ["k\uD800"]: 1 })).toEqual({
      field: "(a key)",
      problem: expect.stringMatching(/surrogate/),
    });
    expect(findBadString("\uDFFF")).toEqual({ field: "body", problem: expect.stringMatching(/surrogate/) });
    expect(findBadString({ a: [1, true, null, "fine 👋"] })).toBeNull();
  });
});
