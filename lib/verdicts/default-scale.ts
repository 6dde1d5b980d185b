/**
 * The verdict scale every new workspace starts with, best to worst. Ratings run 1 (False) to
 * 6 (True) for ClaimReview's ratingValue; Unverifiable sits outside that axis and has none
 * (exports give it only an alternateName; agreement statistics leave it out of the ordering).
 */
export const DEFAULT_VERDICT_OPTIONS = [
  {
    key: "true",
    label: "True",
    color: "#1a7f37",
    rating: 6,
    description: "Accurate, with nothing significant missing.",
  },
  {
    key: "mostly-true",
    label: "Mostly true",
    color: "#4d9a2a",
    rating: 5,
    description: "Accurate but needs clarification or extra information.",
  },
  { key: "mixed", label: "Mixed", color: "#b08800", rating: 4, description: "Partly accurate, partly not." },
  {
    key: "misleading",
    label: "Misleading",
    color: "#d4700a",
    rating: 3,
    description: "Contains facts but leaves a false impression.",
  },
  {
    key: "mostly-false",
    label: "Mostly false",
    color: "#c2410c",
    rating: 2,
    description: "Contains an element of truth but ignores critical facts.",
  },
  { key: "false", label: "False", color: "#b91c1c", rating: 1, description: "Not accurate." },
  {
    key: "unverifiable",
    label: "Unverifiable",
    color: "#6b7280",
    rating: null,
    description: "Cannot be proven or disproven with available evidence.",
  },
] as const;
