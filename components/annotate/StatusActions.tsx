"use client";

import { useRef, useState } from "react";
import type { AnnotationStatus } from "@/lib/reviews/transitions";
import type { AnnotationView } from "@/lib/annotations/view";
import { nextStatuses, STATUS_LABEL } from "@/lib/reviews/transitions";
import type { Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "./api-client";
import { ErrorMessage } from "@/components/shared/ErrorMessage";
import { KEEP_TYPED_ATTRIBUTE, useTypedBeforeHydration } from "@/components/shared/useTypedBeforeHydration";

const ACTION: Record<AnnotationStatus, string> = {
  DRAFT: "Back to draft",
  SUBMITTED: "Submit for review",
  CHANGES_REQUESTED: "Request changes",
  APPROVED: "Approve",
  PUBLISHED: "Publish",
};

/**
 * Where the annotation stands in review, the last decision with its comment, and the transitions
 * this viewer may make (the server checks them again).
 */
export function StatusActions({
  annotation,
  viewer,
  onChanged,
}: {
  annotation: AnnotationView;
  viewer: { id: string; role: Role };
  onChanged: (annotation: AnnotationView) => void;
}) {
  const [comment, setComment] = useState("");
  const commentField = useRef<HTMLTextAreaElement>(null);
  const keptAs = `review-comment-${annotation.id}`;
  useTypedBeforeHydration(commentField, comment, setComment, keptAs);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const choices = nextStatuses(annotation.status, { role: viewer.role, isAuthor: annotation.author.id === viewer.id });
  const last = annotation.lastReview;

  async function move(status: AnnotationStatus) {
    setPending(true);
    const result = await annotationApi.changeStatus(annotation.id, {
      status,
      comment: comment || null,
      version: annotation.version,
    });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setComment("");
    onChanged(result.data);
  }

  return (
    <section className="status-actions" aria-label="Review" data-testid="review-status">
      <p>
        Status: <strong>{STATUS_LABEL[annotation.status]}</strong>
      </p>
      {last && (
        <p className="muted" data-testid="last-decision">
          {STATUS_LABEL[last.toStatus]} by {last.by}, {formatDateTime(last.at)}
          {last.comment && <>: “{last.comment}”</>}
        </p>
      )}
      {choices.length > 0 && (
        <>
          {choices.includes("CHANGES_REQUESTED") && (
            <>
              <label htmlFor={keptAs}>Comment (required to request changes)</label>
              <textarea
                id={keptAs}
                {...{ [KEEP_TYPED_ATTRIBUTE]: keptAs }}
                ref={commentField}
                value={comment}
                onChange={(event) => setComment(event.currentTarget.value)}
                rows={2}
              />
            </>
          )}
          <div className="form-row">
            {choices.map((status) => (
              <button
                key={status}
                type="button"
                className={status === "CHANGES_REQUESTED" ? undefined : "primary"}
                disabled={pending}
                onClick={() => void move(status)}
              >
                {ACTION[status]}
              </button>
            ))}
          </div>
        </>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
