"use client";

import type { AnnotationView } from "@/lib/annotations/view";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "./api-client";
import { VerdictChip } from "./VerdictChip";
import { AnnotationLink } from "./AnnotationLink";
import { PublicNoteAction } from "./PublicNoteAction";

type Props = {
  annotation: AnnotationView;
  canChange: boolean;
  /** Open another annotation (the correction under way) in the panel. */
  onOpen: (id: string) => void;
  /** A correction was started: the new draft, to edit. */
  onStarted: (correction: AnnotationView) => void;
};

/**
 * Corrections of published work: on a correction, what it corrects and its public note; on a
 * published annotation, the correction under way or a form to start one (the note is public).
 */
export function CorrectionPanel({ annotation, canChange, onOpen, onStarted }: Props) {
  async function start(note: string) {
    const result = await annotationApi.startCorrection(annotation.id, { note });
    if (!result.ok) return { ok: false as const, message: result.error.message };
    onStarted(result.data);
    return { ok: true as const };
  }

  return (
    <section className="correction" aria-label="Correction" data-testid="correction">
      {annotation.correction && (
        <div className="correction-of">
          <p>
            <strong>Correction</strong> of a published check: “{annotation.correction.note}”
          </p>
          <p className="muted">
            The published version said <VerdictChip verdict={annotation.correction.of.verdict} />{" "}
            {annotation.correction.of.claim}
          </p>
          <p>
            {/* The discussion stays with the version it was about; the live correction leads to it. */}
            <AnnotationLink articleId={annotation.articleId} annotationId={annotation.correction.of.id} onOpen={onOpen}>
              Notes and history of the version it corrects
            </AnnotationLink>
          </p>
        </div>
      )}
      {annotation.supersededAt && (
        <p className="muted">Replaced by a published correction on {formatDateTime(annotation.supersededAt)}.</p>
      )}
      {annotation.status === "PUBLISHED" && !annotation.supersededAt && annotation.correctedBy && (
        <button type="button" className="link" onClick={() => onOpen(annotation.correctedBy!.id)}>
          Open the correction under way
        </button>
      )}
      {annotation.status === "PUBLISHED" && !annotation.supersededAt && !annotation.correctedBy && canChange && (
        <PublicNoteAction
          id={`correction-note-${annotation.id}`}
          openLabel="Start a correction"
          label="Correction note (published with the correction)"
          submitLabel="Create the correction draft"
          onSubmit={start}
        />
      )}
    </section>
  );
}
