/**
 * Krippendorff's alpha: how far coders agree beyond chance, 1 perfect, 0 chance level. Pure: the
 * agreement page (to come with the rest of #4) feeds it the verdict ratings of overlapping
 * annotations by different reviewers. Missing values are allowed; a unit needs two values to count.
 * Follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): coincidence matrix,
 * then alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 */
export type Metric = "nominal" | "ordinal" | "interval";

/** `units[u]` holds the values the coders gave unit u (null or absent where a coder gave none). */
export function krippendorffAlpha(units: (number | null)[][], metric: Metric): number | null {
  const pairable = units.map((unit) => unit.filter((v): v is number => v !== null && v !== undefined)).filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (categories.length === 0) return null;
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;

  // Coincidences: each ordered pair of values within a unit, weighted 1 / (m_u − 1).
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i !== j) o[index.get(values[i])!][index.get(values[j])!] += weight;
      }
    }
  }
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  if (categories.length === 1) return 1; // everyone gave the same value: no disagreement to measure

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
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  return expected === 0 ? 1 : 1 - ((n - 1) * observed) / expected;
}
