import { describe, expect, it } from "vitest";
import { alphaFromPairCounts, krippendorffAlpha } from "@/lib/reviews/agreement";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four coders, twelve
// units, values 1–5, with missing data. The paper gives alpha 0.743 (nominal), 0.815 (ordinal) and
// 0.849 (interval). Rows are coders A–D; columns units 1–12.
const CODERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const UNITS = CODERS[0].map((_, unit) => CODERS.map((coder) => coder[unit]));

describe("Krippendorff's alpha", () => {
  it("matches the published worked example for nominal, ordinal and interval data", () => {
    expect(krippendorffAlpha(UNITS, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(UNITS, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(UNITS, "interval")).toBeCloseTo(0.849, 3);
  });

  it("is 1 for perfect agreement, ignores units with a single value, and is null without pairs", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [3, 3],
          [2, 2, null],
        ],
        "ordinal",
      ),
    ).toBe(1);
    expect(krippendorffAlpha([[1, 1], [5]], "ordinal")).toBe(1);
    expect(krippendorffAlpha([[1], [null, 2]], "ordinal")).toBeNull();
  });

  it("worked by hand: two coders always disagreeing on two values is below chance", () => {
    // Units (1,2) and (2,1): coincidences o12 = o21 = 2, n1 = n2 = 2, n = 4. Nominal:
    // observed Σ o δ = 4, expected Σ n_c n_k δ = 2·2·2 = 8, alpha = 1 − 3·4/8 = −0.5.
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
        ],
        "nominal",
      ),
    ).toBeCloseTo(-0.5, 10);
  });

  it("from pair counts equals alpha over the same two-value units (how the agreement page computes it)", () => {
    const units = [
      [1, 1],
      [1, 2],
      [2, 1],
      [3, 3],
      [3, 1],
      [2, 2],
      [2, 2],
      [4, 3],
    ];
    const counts = new Map<string, { a: number; b: number; count: number }>();
    for (const [a, b] of units) {
      const key = `${a}-${b}`;
      counts.set(key, { a, b, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      expect(alphaFromPairCounts([...counts.values()], metric)).toBeCloseTo(krippendorffAlpha(units, metric)!, 12);
    }
    // Worked by hand, ordinal: pairs (1,1) (1,2) (2,2): n1 = 3, n2 = 3, n = 6; δ²(1,2) = (3+3 − 3)² = 9;
    // observed 2·9 = 18, expected 2·3·3·9 = 162, alpha = 1 − 5·18/162 = 0.444…
    expect(
      alphaFromPairCounts(
        [
          { a: 1, b: 1, count: 1 },
          { a: 1, b: 2, count: 1 },
          { a: 2, b: 2, count: 1 },
        ],
        "ordinal",
      ),
    ).toBeCloseTo(1 - 90 / 162, 12);
    expect(alphaFromPairCounts([], "ordinal")).toBeNull();
  });
});
