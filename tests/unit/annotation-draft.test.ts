import { describe, expect, it } from "vitest";
import {
  cutToLimit,
  draftNameOf,
  prefillWasCut,
  pristineFieldsOf,
  spanOfDraft,
} from "@/components/annotate/annotation-draft";
import { LIMITS } from "@/lib/annotations/schemas";

describe("annotation form drafts and prefill", () => {
  it("cuts a prefilled claim to the limit without splitting an emoji, and says when it did", () => {
    expect(cutToLimit("abc", 5)).toBe("abc");
    expect(cutToLimit("abcdef", 3)).toBe("abc");
    // "a👋" is a, then the two halves of the emoji: a cut after the first half drops it whole.
    expect(cutToLimit("a👋b", 2)).toBe("a");
    expect(cutToLimit("a👋b", 3)).toBe("a👋");
    const quote = "x".repeat(LIMITS.claim + 586);
    const target = { kind: "create" as const, articleId: "a", revisionId: "r1", start: 0, end: quote.length, quote };
    expect(pristineFieldsOf(target).claim).toHaveLength(LIMITS.claim);
    expect(prefillWasCut(target)).toBe(true);
    expect(prefillWasCut({ ...target, quote: "short" })).toBe(false);
  });

  it("names a new annotation's draft by revision and span, and reads the span back only on that revision", () => {
    const target = { kind: "create" as const, articleId: "a", revisionId: "crev1", start: 12, end: 40, quote: "q" };
    const name = draftNameOf(target);
    expect(spanOfDraft(name, "crev1")).toEqual({ start: 12, end: 40 });
    expect(spanOfDraft(name, "crev2")).toBeNull();
    expect(spanOfDraft("annotation:cabc", "crev1")).toBeNull();
  });
});
