import type { RatingBounds } from "./native";
import type { ArticleText, ExportRow } from "./query";

/** Only settled work is published as a ClaimReview. */
export const CLAIMREVIEW_STATUSES = ["APPROVED", "PUBLISHED"] as const;

/** The article a ClaimReview's claim appeared in. */
type ArticleRef = Pick<ArticleText, "id" | "title" | "sourceUrl">;

export type ClaimReviewContext = {
  /** Where the desk publishes its checks: each one's URL is this plus the annotation id. */
  checkBaseUrl: string;
  /** The article's address when it has no original URL of its own. */
  articleUrl: (article: ArticleRef) => string;
  organization: { name: string };
  bounds: RatingBounds;
};

/** What a ClaimReview is made of: an export row, or the public page's narrower read (lib/publish/checks.ts). */
export type ClaimReviewRow = Pick<ExportRow, "id" | "claim" | "claimant" | "correctionNote" | "updatedAt"> & {
  verdictOption: Pick<ExportRow["verdictOption"], "rating" | "label">;
  reviews: Pick<ExportRow["reviews"][number], "toStatus" | "createdAt">[];
};

/** The date the check went out: its last approval or publication, else its last change. */
function datePublished(row: ClaimReviewRow): string {
  const settled = row.reviews.filter((r) => r.toStatus === "APPROVED" || r.toStatus === "PUBLISHED").at(-1);
  return (settled?.createdAt ?? row.updatedAt).toISOString().slice(0, 10);
}

/**
 * One schema.org ClaimReview (without @context; the document carries it). An option without a
 * numeric rating (Unverifiable) gives only `alternateName`, as Google's guidelines allow.
 */
export function toClaimReview(row: ClaimReviewRow, article: ArticleRef, context: ClaimReviewContext) {
  const { rating, label } = row.verdictOption;
  return {
    "@type": "ClaimReview",
    url: `${context.checkBaseUrl.replace(/\/+$/, "")}/${row.id}`,
    claimReviewed: row.claim,
    datePublished: datePublished(row),
    author: { "@type": "Organization", name: context.organization.name },
    reviewRating: {
      "@type": "Rating",
      ...(rating !== null
        ? { ratingValue: rating, worstRating: context.bounds.worstRating, bestRating: context.bounds.bestRating }
        : {}),
      alternateName: label,
    },
    itemReviewed: {
      "@type": "Claim",
      appearance: { "@type": "CreativeWork", url: context.articleUrl(article), headline: article.title },
      ...(row.claimant ? { author: { "@type": "Person", name: row.claimant } } : {}),
    },
    // A correction of an earlier published check carries its public note (schema.org CorrectionComment).
    ...(row.correctionNote ? { correction: { "@type": "CorrectionComment", text: row.correctionNote } } : {}),
  };
}
