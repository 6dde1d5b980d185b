import Link from "next/link";
import { annotationHref } from "@/lib/annotations/links";
import { formatDate } from "@/lib/format";
import { STATUS_LABEL } from "@/lib/reviews/transitions";
import type { SearchResult } from "@/lib/search/search";
import { Snippet } from "./Snippet";

export const TYPE_LABEL: Record<SearchResult["type"], string> = {
  annotation: "Claim",
  note: "Note",
  source: "Source",
  article: "Article",
  reference: "Reference check",
};

/** Where a result leads: the annotation itself for claims, notes and sources; the article; a reference check's own page elsewhere. */
function hrefOf(result: SearchResult): string {
  if (result.annotationId && result.articleId) return annotationHref(result.articleId, result.annotationId);
  if (result.type === "reference" && result.url) return result.url;
  return `/articles/${result.articleId}`;
}

/** The results of the /search page, as links that j/k move through (components/search/ResultKeys.tsx). */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <ol className="search-results" data-testid="search-results">
      {results.map((result) => (
        <li key={`${result.type}-${result.id}`}>
          <Link
            href={hrefOf(result)}
            data-search-result
            className="search-result"
            {...(result.type === "reference" ? { rel: "noopener noreferrer" } : {})}
          >
            <span className="search-result-type">{TYPE_LABEL[result.type]}</span>{" "}
            <strong>{result.claim || result.articleTitle || result.url}</strong>
          </Link>
          <Snippet text={result.snippet} marks={result.marks} />
          <p className="muted search-result-meta">
            {result.verdict?.label && <span className="verdict-label">{result.verdict.label}</span>}
            {result.status && <> · {STATUS_LABEL[result.status]}</>}
            {result.publisher && <> · {result.publisher}</>}
            {result.articleTitle && result.type !== "article" && <> · in “{result.articleTitle}”</>} ·{" "}
            {formatDate(result.createdAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}
