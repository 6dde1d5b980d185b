import { describe, expect, it } from "vitest";
import { cachedRevisionText, keepRevisionText } from "@/lib/annotations/revision-text";

describe("the process's copies of revision texts", () => {
  it("answers a kept text to the people it was read for, and nothing for one never kept", () => {
    keepRevisionText("rev-a", "ann", "The text of revision a.");
    expect(cachedRevisionText("rev-a", "ann")).toBe("The text of revision a.");
    expect(cachedRevisionText("rev-never", "ann")).toBeUndefined();
    // Someone else (perhaps of another workspace) is not answered until it is read for them too.
    expect(cachedRevisionText("rev-a", "bob")).toBeUndefined();
    keepRevisionText("rev-a", "bob", "The text of revision a.");
    expect(cachedRevisionText("rev-a", "bob")).toBe("The text of revision a.");
  });

  it("keeps at most its character budget, dropping the least recently used first", () => {
    const big = (c: string) => c.repeat(1_900_000);
    keepRevisionText("rev-1", "ann", big("1"));
    keepRevisionText("rev-2", "ann", big("2"));
    keepRevisionText("rev-3", "ann", big("3"));
    keepRevisionText("rev-4", "ann", big("4"));
    // Reading rev-1 makes it the most recently used: the next text pushes out rev-2 instead.
    expect(cachedRevisionText("rev-1", "ann")).toBe(big("1"));
    keepRevisionText("rev-5", "ann", big("5"));
    expect(cachedRevisionText("rev-2", "ann")).toBeUndefined();
    expect(cachedRevisionText("rev-1", "ann")).toBe(big("1"));
    expect(cachedRevisionText("rev-5", "ann")).toBe(big("5"));
  });

  it("does not keep a text larger than a quarter of the budget", () => {
    keepRevisionText("rev-huge", "ann", "x".repeat(2_000_001));
    expect(cachedRevisionText("rev-huge", "ann")).toBeUndefined();
  });
});
