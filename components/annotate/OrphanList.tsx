"use client";

import { useState } from "react";
import type { OrphanSummary } from "@/lib/annotations/annotations";
import type { AnnotationView } from "@/lib/annotations/view";
import type { TextSpan } from "@/lib/anchoring/offsets";
import { annotationApi } from "./api-client";
import { VerdictChip } from "./VerdictChip";
import { ConfirmAction } from "@/components/shared/ConfirmAction";
import { shorten } from "@/lib/format";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Props = {
  orphans: OrphanSummary[];
  /** The passage selected in the article now, if any: where "Place here" puts an orphan. */
  selection: TextSpan | null;
  article: { revisionId: string; text: string };
  canChange: (authorId: string) => boolean;
  onPlaced: (annotation: AnnotationView) => void;
  onDismissed: (id: string) => void;
};

/**
 * "Needs re-anchoring": annotations a revision could not follow. Each keeps its quote, verdict,
 * sources and notes; a person selects the passage it now belongs to and places it there, or
 * dismisses it.
 */
export function OrphanList({ orphans, selection, article, canChange, onPlaced, onDismissed }: Props) {
  const [error, setError] = useState<string | null>(null);
  // A 409: someone changed the annotation meanwhile; their copy is shown before placing over it.
  const [conflict, setConflict] = useState<{ orphan: OrphanSummary; theirs: AnnotationView } | null>(null);
  if (orphans.length === 0) return null;

  async function place(orphan: OrphanSummary, version = orphan.version) {
    if (!selection) return;
    const result = await annotationApi.placement(orphan.id, {
      action: "place",
      version,
      revisionId: article.revisionId,
      start: selection.start,
      end: selection.end,
      quote: article.text.slice(selection.start, selection.end),
    });
    if (!result.ok) {
      const theirs = (result.error.details as { current?: AnnotationView } | undefined)?.current;
      if (result.error.status === 409 && theirs) return setConflict({ orphan, theirs });
      return setError(result.error.message);
    }
    setError(null);
    setConflict(null);
    window.getSelection()?.removeAllRanges();
    onPlaced(result.data);
  }

  async function dismiss(orphan: OrphanSummary) {
    const result = await annotationApi.placement(orphan.id, { action: "dismiss", version: orphan.version });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onDismissed(orphan.id);
  }

  return (
    <section className="orphans" aria-labelledby="orphans-heading" data-testid="orphans">
      <h2 id="orphans-heading">Needs re-anchoring ({orphans.length})</h2>
      <p className="muted">
        The latest revision lost these passages. Select where each belongs now, then place it; or dismiss it.
      </p>
      <ul>
        {orphans.map((orphan) => (
          <li key={orphan.id} data-testid="orphan">
            <VerdictChip verdict={orphan.verdict} /> <strong>{orphan.claim}</strong>
            <blockquote className="quoted-span">{orphan.quote}</blockquote>
            {orphan.reason && <p className="muted">Why: {orphan.reason}</p>}
            {canChange(orphan.author.id) && (
              <div className="form-row">
                <button
                  type="button"
                  className="primary"
                  disabled={!selection}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void place(orphan)}
                >
                  Place on selected text
                </button>
                <ConfirmAction
                  label="Dismiss"
                  labelFor={`Dismiss “${shorten(orphan.claim, 80)}”`}
                  question="Dismiss this annotation? It stays on record but leaves the article and its lists."
                  confirmLabel={`Yes, dismiss “${shorten(orphan.claim, 80)}”`}
                  onConfirm={() => dismiss(orphan)}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      {conflict && (
        <div className="conflict" role="alert" data-testid="placement-conflict">
          <p>
            Someone changed “{conflict.theirs.claim}” while you placed it (now version {conflict.theirs.version}):{" "}
            {conflict.theirs.placement === "ORPHANED"
              ? "it still needs a place"
              : `it is now placed on “${conflict.theirs.quote}”`}
            . Your selection: “{selection ? article.text.slice(selection.start, selection.end) : "none"}”.
          </p>
          <button
            type="button"
            className="primary"
            disabled={!selection}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void place(conflict.orphan, conflict.theirs.version)}
          >
            Place on my selection anyway
          </button>{" "}
          <button type="button" onClick={() => setConflict(null)}>
            Keep theirs
          </button>
        </div>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
