/**
 * Krippendorff's alpha: how far coders agree beyond chance, 1 perfect, 0 chance level. Pure: the
 * agreement page feeds it the verdicts of overlapping annotations by different reviewers, as
 * counts of value pairs aggregated in SQL. Missing values are allowed; a unit needs two values.
 * Follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): coincidence matrix,
 * then alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 */
export type Metric = "nominal" | "ordinal" | "interval";

/** A coincidence matrix over sorted category values: o[c][k] for values categories[c], categories[k]. */
type Coincidences = { categories: number[]; o: number[][] };

function emptyCoincidences(values: Iterable<number>): Coincidences & { index: Map<number, number> } {
  const categories = [...new Set(values)].sort((a, b) => a - b);
  return {
    categories,
    index: new Map(categories.map((c, i) => [c, i])),
    o: categories.map(() => new Array<number>(categories.length).fill(0)),
  };
}

/** `units[u]` holds the values the coders gave unit u (null or absent where a coder gave none). */
export function krippendorffAlpha(units: (number | null)[][], metric: Metric): number | null {
  const pairable = units
    .map((unit) => unit.filter((v): v is number => v !== null && v !== undefined))
    .filter((values) => values.length >= 2);
  const { categories, index, o } = emptyCoincidences(pairable.flat());
  // Each ordered pair of values within a unit, weighted 1 / (m_u − 1).
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i !== j) o[index.get(values[i])!][index.get(values[j])!] += weight;
      }
    }
  }
  return alphaOf({ categories, o }, metric);
}

/**
 * Alpha when every unit is a pair of values (two reviewers on one span): `pairs` counts how many
 * units had the values (a, b), in either order. Equal to krippendorffAlpha on those units.
 */
export function alphaFromPairCounts(pairs: { a: number; b: number; count: number }[], metric: Metric): number | null {
  const { categories, index, o } = emptyCoincidences(pairs.filter((p) => p.count > 0).flatMap((p) => [p.a, p.b]));
  for (const { a, b, count } of pairs) {
    if (count <= 0) continue;
    o[index.get(a)!][index.get(b)!] += count;
    o[index.get(b)!][index.get(a)!] += count;
  }
  return alphaOf({ categories, o }, metric);
}

function alphaOf({ categories, o }: Coincidences, metric: Metric): number | null {
  if (categories.length === 0) return null;
  if (categories.length === 1) return 1; // everyone gave the same value: no disagreement to measure
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);

  const delta = (c: number, k: number): number => {
    if (metric === "nominal") return c === k ? 0 : 1;
    if (metric === "interval") return (categories[c] - categories[k]) ** 2;
    // Ordinal: the marginals between the two ranks, half of each end.
    const [low, high] = c <= k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g];
    return (between - (marginals[c] + marginals[k]) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories.length; c++) {
    for (let k = 0; k < categories.length; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  return expected === 0 ? 1 : 1 - ((n - 1) * observed) / expected;
}
