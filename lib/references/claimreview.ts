// Reading schema.org ClaimReview JSON-LD (our own export, or another publisher's) into reference
// checks. Pure: every item is checked and every problem named before anything is written.
import { textProblem } from "../validation";

export type ReferenceInput = {
  url: string;
  claim: string;
  claimant: string | null;
  ratingLabel: string | null;
  ratingValue: number | null;
  worstRating: number | null;
  bestRating: number | null;
  publisher: string | null;
  datePublished: Date | null;
};

export type ItemProblem = { index: number | null; reason: string };

export const REFERENCE_LIMITS = { items: 5_000, claim: 2_000, name: 200, label: 200, url: 2_048 } as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const types = (item: Record<string, unknown>) =>
  (Array.isArray(item["@type"]) ? item["@type"] : [item["@type"]]).filter((t): t is string => typeof t === "string");

/** The items of a file: one ClaimReview, a list of them, or a JSON-LD document with an @graph (our export). */
export function claimReviewItems(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (isObject(document) && Array.isArray(document["@graph"])) return document["@graph"];
  if (isObject(document)) return [document];
  return null;
}

/** A name given as text, a Person/Organization, or a list of them (the first). */
function nameOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() || null;
  if (isObject(first) && typeof first.name === "string") return first.name.trim() || null;
  return null;
}

function numberOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && Math.abs(n) < 1e9 ? n : undefined;
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > REFERENCE_LIMITS.url) return null;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname ? value : null;
  } catch {
    return null;
  }
}

/** Every string in `value` a text column can store; the first that cannot, named. */
function badText(value: unknown, path: string): string | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? `${path} ${problem}` : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = badText(v, `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const bad = badText(v, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return null;
}

/** One item as a reference check, or the reasons it cannot be one. */
export function readClaimReview(item: unknown): { value: ReferenceInput } | { reasons: string[] } {
  if (!isObject(item)) return { reasons: ["not an object"] };
  if (!types(item).includes("ClaimReview"))
    return { reasons: [`not a ClaimReview (@type ${JSON.stringify(item["@type"] ?? null).slice(0, 60)})`] };
  const reasons: string[] = [];
  const bad = badText(item, "");
  if (bad) return { reasons: [bad] };
  const url = httpUrl(item.url);
  if (!url) reasons.push("url must be an http(s) link (it identifies the check)");
  const claim = typeof item.claimReviewed === "string" ? item.claimReviewed.trim() : "";
  if (!claim) reasons.push("claimReviewed is required");
  else if (claim.length > REFERENCE_LIMITS.claim)
    reasons.push(`claimReviewed is too long (at most ${REFERENCE_LIMITS.claim} characters)`);
  const rating = isObject(item.reviewRating) ? item.reviewRating : null;
  if (item.reviewRating !== undefined && !rating) reasons.push("reviewRating must be a Rating object");
  const ratingValue = numberOf(rating?.ratingValue);
  const worstRating = numberOf(rating?.worstRating);
  const bestRating = numberOf(rating?.bestRating);
  if (ratingValue === undefined || worstRating === undefined || bestRating === undefined)
    reasons.push("reviewRating values must be numbers");
  const ratingLabel = typeof rating?.alternateName === "string" ? rating.alternateName.trim() || null : null;
  if (ratingLabel && ratingLabel.length > REFERENCE_LIMITS.label)
    reasons.push(`reviewRating.alternateName is too long (at most ${REFERENCE_LIMITS.label} characters)`);
  let datePublished: Date | null = null;
  if (item.datePublished !== undefined && item.datePublished !== null) {
    const time =
      typeof item.datePublished === "string" && /^\d{4}-\d{2}-\d{2}/.test(item.datePublished)
        ? Date.parse(item.datePublished)
        : NaN;
    if (Number.isNaN(time) || time < Date.UTC(1, 0, 1) || time > Date.UTC(9999, 11, 31))
      reasons.push("datePublished must be a date (YYYY-MM-DD or ISO 8601)");
    else datePublished = new Date(time);
  }
  const publisher = nameOf(item.author) ?? nameOf(item.publisher);
  const claimant = isObject(item.itemReviewed) ? nameOf(item.itemReviewed.author) : null;
  for (const [label, value] of [
    ["author", publisher],
    ["itemReviewed.author", claimant],
  ] as const) {
    if (value && value.length > REFERENCE_LIMITS.name)
      reasons.push(`${label} name is too long (at most ${REFERENCE_LIMITS.name} characters)`);
  }
  if (reasons.length) return { reasons };
  return {
    value: {
      url: url!,
      claim,
      claimant,
      ratingLabel,
      ratingValue: ratingValue ?? null,
      worstRating: worstRating ?? null,
      bestRating: bestRating ?? null,
      publisher,
      datePublished,
    },
  };
}
