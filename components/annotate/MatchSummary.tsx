import { annotationHref } from "@/lib/annotations/links";
import { formatDate } from "@/lib/format";
import type { SimilarMatch } from "@/lib/search/match-types";

/**
 * One earlier check of a claim, as "Checked before" and "Similar checks" list it: the verdict, the
 * claim linked to the check (or to a reference check's page at its publisher), and who published it
 * when. `newTab` where the link leaves a form being filled, so following it loses nothing.
 */
export function MatchSummary({ match, newTab = false }: { match: SimilarMatch; newTab?: boolean }) {
  const target = newTab ? "_blank" : undefined;
  return (
    <>
      <strong>{match.verdict.label ?? "No rating"}</strong> ·{" "}
      {match.annotationId && match.articleId ? (
        <a
          href={annotationHref(match.articleId, match.annotationId)}
          target={target}
          rel={newTab ? "noopener" : undefined}
        >
          {match.claim}
        </a>
      ) : (
        <a href={match.reference?.url} target={target} rel="noopener noreferrer nofollow">
          {match.claim}
        </a>
      )}{" "}
      <span className="muted">
        {match.reference ? `${match.reference.publisher ?? "Reference check"}, ` : ""}
        {match.publishedAt ? formatDate(match.publishedAt) : ""}
      </span>
    </>
  );
}
