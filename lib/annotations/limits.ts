/** Documented limits (README): a field over its limit gets a 400 naming the field. */
export const LIMITS = {
  claim: 2_000,
  claimant: 200,
  rationale: 10_000,
  note: 10_000,
  quote: 20_000,
  sources: 20,
  url: 2_048,
  sourceTitle: 300,
  publisher: 200,
  excerpt: 5_000,
} as const;
