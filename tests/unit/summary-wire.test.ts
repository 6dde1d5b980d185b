import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { packSummaries, unpackSummaries } from "@/lib/annotations/summary-wire";
import type { AnnotationSummary } from "@/lib/annotations/view";

const person = fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), name: fc.string() });
const verdict = fc.record({
  key: fc.constantFrom("true", "false", "mixed"),
  label: fc.string(),
  color: fc.constantFrom("#16a34a", "#dc2626"),
  rating: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
});
const summary: fc.Arbitrary<AnnotationSummary> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 30 }),
  start: fc.nat(),
  end: fc.nat(),
  claim: fc.string(),
  verdict,
  status: fc.constantFrom("DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"),
  placement: fc.constantFrom("ANCHORED", "NEEDS_CHECK", "ORPHANED"),
  author: person,
  version: fc.integer({ min: 1, max: 1000 }),
  noteCount: fc.nat(50),
  correctedFrom: fc.option(person, { nil: null }),
});

describe("the article page's packed annotation summaries", () => {
  it("unpack to the summaries they were packed from, in order", () => {
    fc.assert(
      fc.property(fc.array(summary, { maxLength: 40 }), (list) => {
        expect(unpackSummaries(packSummaries(list))).toEqual(list);
      }),
    );
  });

  it("write each verdict and person once, and share the object after unpacking", () => {
    const alice = { id: "alice", name: "Alice" };
    const bob = { id: "bob", name: "Bob" };
    const misleading = { key: "misleading", label: "Misleading", color: "#f59e0b", rating: 1 };
    const base = { claim: "c", status: "DRAFT", placement: "ANCHORED", version: 1, noteCount: 0 } as const;
    const list: AnnotationSummary[] = [
      { ...base, id: "a", start: 0, end: 5, verdict: misleading, author: alice, correctedFrom: null },
      { ...base, id: "b", start: 9, end: 12, verdict: { ...misleading }, author: bob, correctedFrom: { ...alice } },
    ];
    const packed = packSummaries(list);
    expect(packed.split('"Misleading"')).toHaveLength(2);
    expect(packed.split('"Alice"')).toHaveLength(2);
    const [a, b] = unpackSummaries(packed);
    expect(b.verdict).toBe(a.verdict);
    expect(b.correctedFrom).toBe(a.author);
  });
});
