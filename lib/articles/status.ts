import type { AnnotationStatus } from "../db/generated/enums";

export type ArticleStatus = "NOT_STARTED" | "IN_PROGRESS" | "IN_REVIEW" | "DONE";

export const ARTICLE_STATUS_LABEL: Record<ArticleStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  IN_REVIEW: "In review",
  DONE: "Done",
};

/**
 * An article's status, from how many of its annotations are in each review status: not started
 * without any; in progress while any is a draft or sent back; in review while any waits for a
 * decision; done when every one is approved or published.
 */
export function articleStatus(counts: Partial<Record<AnnotationStatus, number>>): ArticleStatus {
  const n = (status: AnnotationStatus) => counts[status] ?? 0;
  if (Object.values(counts).every((count) => !count)) return "NOT_STARTED";
  if (n("DRAFT") + n("CHANGES_REQUESTED") > 0) return "IN_PROGRESS";
  if (n("SUBMITTED") > 0) return "IN_REVIEW";
  return "DONE";
}
