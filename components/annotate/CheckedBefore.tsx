"use client";

import { useEffect, useState } from "react";
import type { SimilarMatch } from "@/lib/search/match-types";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import { annotationApi } from "./api-client";
import { toSourceDraft, type SourceDraft } from "./SourcesFieldset";
import { MatchSummary } from "./MatchSummary";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

/** What "Reuse" puts into the form, and what the new annotation records it came from. */
export type Reuse = {
  verdict: string | null;
  rationale: string;
  sources: SourceDraft[];
  from: { reusedFrom: string } | { reusedFromReference: string };
  claim: string;
};

/** Typing pauses this long before asking: short enough that matches show well within 150 ms of a pause. */
const DEBOUNCE_MS = 90;

/**
 * "Checked before": as the claim is prefilled or typed, the desk's closest approved or published
 * checks and reference checks (GET /api/claims/similar), each linking to the check, with "Reuse"
 * to copy its verdict, rationale and sources into the form.
 */
export function CheckedBefore({
  claim,
  claimant,
  choices,
  reused,
  onReuse,
}: {
  claim: string;
  claimant: string;
  choices: VerdictChoice[];
  reused: Reuse | null;
  onReuse: (reuse: Reuse) => void;
}) {
  const [found, setFound] = useState<{ text: string; matches: SimilarMatch[] }>({ text: "", matches: [] });
  const [error, setError] = useState<string | null>(null);
  const text = claim.trim();
  // Matches shown belong to the claim as it reads now; a claim too short to match shows none.
  const matches = text.length >= 8 ? found.matches : [];

  useEffect(() => {
    if (text.length < 8) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ text: text.slice(0, 2000), limit: "3" });
      if (claimant.trim()) params.set("claimant", claimant.trim().slice(0, 200));
      try {
        const response = await fetch(`/api/claims/similar?${params}`, { signal: controller.signal });
        if (response.ok) setFound({ text, matches: ((await response.json()) as { matches: SimilarMatch[] }).matches });
      } catch {
        // Aborted by the next keystroke, or offline: the form works without suggestions.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, claimant]);

  async function reuse(match: SimilarMatch) {
    setError(null);
    if (match.reference) {
      const label = match.verdict.label?.trim().toLowerCase();
      onReuse({
        verdict: choices.find((c) => c.label.toLowerCase() === label)?.key ?? null,
        rationale: `Checked by ${match.reference.publisher ?? "another publisher"}${match.verdict.label ? `: ${match.verdict.label}` : ""}.`,
        sources: [
          toSourceDraft({
            url: match.reference.url,
            title: match.claim.slice(0, 300),
            publisher: match.reference.publisher,
          }),
        ],
        from: { reusedFromReference: match.reference.id },
        claim: match.claim,
      });
      return;
    }
    const result = await annotationApi.get(match.annotationId!);
    if (!result.ok) return setError(result.error.message);
    const earlier = result.data;
    onReuse({
      verdict: choices.some((c) => c.key === earlier.verdict.key) ? earlier.verdict.key : null,
      rationale: earlier.rationale ?? "",
      sources: earlier.sources.map(toSourceDraft),
      from: { reusedFrom: earlier.id },
      claim: earlier.claim,
    });
  }

  if (matches.length === 0 && !reused) return null;
  return (
    <section className="checked-before" aria-label="Checked before" data-testid="checked-before">
      <h3>Checked before</h3>
      {reused && (
        <p role="status" className="success">
          Reusing the check of “{reused.claim}”: its verdict, rationale and sources are in the form; edit them as
          needed.
        </p>
      )}
      <ul>
        {matches.map((m) => (
          <li key={m.annotationId ?? m.reference?.id}>
            <MatchSummary match={m} newTab />{" "}
            <button
              type="button"
              className="link"
              onClick={() => void reuse(m)}
              aria-label={`Reuse the check of “${m.claim}”`}
            >
              Reuse
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage message={error} />
    </section>
  );
}
