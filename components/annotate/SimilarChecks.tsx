"use client";

import { useEffect, useState } from "react";
import { annotationHref } from "@/lib/annotations/links";
import { MatchSummary } from "./MatchSummary";
import type { SimilarMatch } from "@/lib/search/match-types";

/** The detail panel's "Similar checks": other approved or published checks (and reference checks) of the same claim. */
export function SimilarChecks({ annotationId, claim }: { annotationId: string; claim: string }) {
  const [found, setFound] = useState<{ for: string; matches: SimilarMatch[] } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ text: claim.slice(0, 2000), exclude: annotationId, limit: "5" });
    fetch(`/api/claims/similar?${params}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { matches: [] }))
      .then((body: { matches: SimilarMatch[] }) => setFound({ for: annotationId, matches: body.matches }))
      .catch(() => {});
    return () => controller.abort();
  }, [annotationId, claim]);
  const matches = found?.for === annotationId ? found.matches : null;
  return (
    <section aria-label="Similar checks" data-testid="similar-checks">
      <h3>Similar checks</h3>
      {matches === null ? (
        <p className="muted">Looking…</p>
      ) : matches.length === 0 ? (
        <p className="muted">None found among approved and published checks.</p>
      ) : (
        <ul className="similar-checks">
          {matches.map((m) => (
            <li key={m.annotationId ?? m.reference?.id}>
              <MatchSummary match={m} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** In an annotation's history: its creation reused an earlier check (linked) or a reference check. */
export function ReuseMark({ after, articleId }: { after: unknown; articleId: string }) {
  const reused = (after as { reusedFrom?: { annotationId: string | null; referenceId: string | null } } | null)
    ?.reusedFrom;
  if (!reused) return null;
  return (
    <span className="muted" data-testid="reused-from">
      {" "}
      (reusing{" "}
      {reused.annotationId ? (
        <a href={annotationHref(articleId, reused.annotationId)}>an earlier check</a>
      ) : (
        "a reference check"
      )}
      )
    </span>
  );
}
