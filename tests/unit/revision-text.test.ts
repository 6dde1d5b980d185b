import { describe, expect, it } from "vitest";
import { cachedRevisionText, keepRevisionText } from "@/lib/annotations/revision-text";

describe("the process's copies of revision texts", () => {
  it("answers a kept text, and nothing for one never kept", () => {
    keepRevisionText("rev-a", "The text of revision a.");
    expect(cachedRevisionText("rev-a")).toBe("The text of revision a.");
    expect(cachedRevisionText("rev-never")).toBeUndefined();
  });

  it("keeps at most its character budget, dropping the least recently used first", () => {
    const big = (c: string) => c.repeat(1_900_000);
    keepRevisionText("rev-1", big("1"));
    keepRevisionText("rev-2", big("2"));
    keepRevisionText("rev-3", big("3"));
    keepRevisionText("rev-4", big("4"));
    // Reading rev-1 makes it the most recently used: the next text pushes out rev-2 instead.
    expect(cachedRevisionText("rev-1")).toBe(big("1"));
    keepRevisionText("rev-5", big("5"));
    expect(cachedRevisionText("rev-2")).toBeUndefined();
    expect(cachedRevisionText("rev-1")).toBe(big("1"));
    expect(cachedRevisionText("rev-5")).toBe(big("5"));
  });

  it("does not keep a text larger than a quarter of the budget", () => {
    keepRevisionText("rev-huge", "x".repeat(2_000_001));
    expect(cachedRevisionText("rev-huge")).toBeUndefined();
  });
});
