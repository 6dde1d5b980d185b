"use client";

import { useEffect, useState } from "react";
import type { AnnotationView, NoteView } from "@/lib/annotations/view";
import type { HistoryEntry } from "@/lib/annotations/annotations";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "./api-client";
import { NotesThread } from "./NotesThread";
import { VerdictChip } from "./VerdictChip";
import { StatusActions } from "./StatusActions";
import { ReuseMark, SimilarChecks } from "./SimilarChecks";
import { CorrectionPanel } from "./CorrectionPanel";
import { PublicCheckPanel } from "./PublicCheckPanel";
import { Credit } from "./Credit";
import { AnnotationLink } from "./AnnotationLink";
import { ConfirmAction } from "@/components/shared/ConfirmAction";
import type { Role } from "@/lib/auth/roles";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Props = {
  annotation: AnnotationView;
  viewerId: string;
  viewerRole: Role;
  canChange: boolean;
  onEdit: () => void;
  onDeleted: (id: string) => void;
  onNotesChange: (notes: NoteView[]) => void;
  /** The annotation changed here (a confirmed placement). */
  onChanged: (annotation: AnnotationView) => void;
  /** Open another annotation in the panel (a correction). */
  onOpen: (id: string) => void;
  /** A correction of this annotation was started. */
  onCorrectionStarted: (correction: AnnotationView) => void;
  onClose: () => void;
  /** Called once mounted (hydrated): its code loads apart from the page's. */
  onReady?: () => void;
};

/** Which fields an update changed, for the history list. */
function changedFields(entry: HistoryEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(after).filter(
    (key) => key !== "version" && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return keys.length ? keys.join(", ") : "";
}

export function AnnotationDetail({
  annotation,
  viewerId,
  viewerRole,
  canChange,
  onEdit,
  onDeleted,
  onNotesChange,
  onChanged,
  onOpen,
  onCorrectionStarted,
  onClose,
  onReady,
}: Props) {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    onReady?.();
  }, [onReady]);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    const result = await annotationApi.remove(annotation.id, annotation.version);
    if (result.ok) onDeleted(annotation.id);
    else setError(result.error.message);
  }

  async function confirmPlacement() {
    const result = await annotationApi.placement(annotation.id, { action: "confirm", version: annotation.version });
    if (result.ok) onChanged(result.data);
    else setError(result.error.message);
  }

  async function toggleHistory() {
    if (history) return setHistory(null);
    const result = await annotationApi.history(annotation.id);
    if (result.ok) setHistory(result.data.history);
    else setError(result.error.message);
  }

  return (
    <article className="annotation-detail" aria-label="Annotation" data-testid="annotation-detail">
      <div className="detail-head">
        <VerdictChip verdict={annotation.verdict} />
        <span className="status">{annotation.status.replace("_", " ").toLowerCase()}</span>
        <button type="button" className="link close" onClick={onClose}>
          Back to list
        </button>
      </div>
      <h2 className="claim">{annotation.claim}</h2>
      {annotation.claimant && <p className="muted">Claimed by {annotation.claimant}</p>}
      <blockquote className="quoted-span" data-testid="quoted-span">
        {annotation.quote}
      </blockquote>
      {annotation.placement === "NEEDS_CHECK" && (
        <div className="placement-note" data-testid="check-placement">
          <p>
            Check placement: a revision changed this passage and the annotation followed it by a close, not exact,
            match.
          </p>
          {canChange && (
            <button type="button" onClick={() => void confirmPlacement()}>
              Placement is right
            </button>
          )}
        </div>
      )}
      {annotation.rationale && <p className="rationale">{annotation.rationale}</p>}
      <p className="muted">
        By <Credit author={annotation.author} correctedFrom={annotation.correction?.of.author} /> ·{" "}
        {formatDateTime(annotation.createdAt)} · version {annotation.version}
      </p>

      <CorrectionPanel annotation={annotation} canChange={canChange} onOpen={onOpen} onStarted={onCorrectionStarted} />
      <PublicCheckPanel annotation={annotation} viewerRole={viewerRole} onWithdrawn={onDeleted} />
      {!annotation.supersededAt && (
        <StatusActions annotation={annotation} viewer={{ id: viewerId, role: viewerRole }} onChanged={onChanged} />
      )}

      <h3>Sources</h3>
      {annotation.sources.length === 0 ? (
        <p className="muted">No sources.</p>
      ) : (
        <ol className="source-list">
          {annotation.sources.map((source) => (
            <li key={source.id}>
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                {source.title ?? source.url}
              </a>
              {source.publisher && <span className="muted"> — {source.publisher}</span>}
              {source.excerpt && <blockquote>{source.excerpt}</blockquote>}
              <div className="muted">
                {source.archiveUrl && (
                  <a href={source.archiveUrl} target="_blank" rel="noopener noreferrer nofollow">
                    Archived copy
                  </a>
                )}
                {source.accessedAt && <> · accessed {source.accessedAt}</>}
              </div>
            </li>
          ))}
        </ol>
      )}

      {canChange && annotation.status !== "PUBLISHED" && (
        <div className="form-actions">
          <button type="button" onClick={onEdit}>
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            question="Delete this annotation? It disappears from the article and exports; the audit trail keeps it."
            confirmLabel="Yes, delete this annotation"
            onConfirm={remove}
          />
        </div>
      )}
      <ErrorMessage message={error} />

      <SimilarChecks annotationId={annotation.id} claim={annotation.claim} />

      <NotesThread annotationId={annotation.id} notes={annotation.notes} viewerId={viewerId} onChange={onNotesChange} />

      <button type="button" className="link" onClick={toggleHistory} aria-expanded={history !== null}>
        {history ? "Hide history" : "Show history"}
      </button>
      {history && (
        <ol className="history" aria-label="History">
          {history.map((entry) => (
            <li key={entry.id}>
              {formatDateTime(entry.at)} · {entry.actor?.name ?? "someone"} · {entry.action}
              {entry.action === "update" && changedFields(entry) && (
                <span className="muted"> ({changedFields(entry)})</span>
              )}
              {entry.action === "create" && <ReuseMark after={entry.after} articleId={annotation.articleId} />}
              {entry.annotationId !== annotation.id && (
                <>
                  {" "}
                  (
                  <AnnotationLink articleId={annotation.articleId} annotationId={entry.annotationId} onOpen={onOpen}>
                    the published version this corrects
                  </AnnotationLink>
                  )
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
