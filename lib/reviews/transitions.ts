import type { AnnotationStatus } from "../db/generated/enums";
import { hasRole, type Role } from "../auth/roles";

/** Re-exported so the UI names statuses through this module, never through lib/db. */
export type { AnnotationStatus };

/**
 * The review workflow: DRAFT → SUBMITTED → APPROVED → PUBLISHED, with CHANGES_REQUESTED as the way
 * back from SUBMITTED or APPROVED. Authors submit (and resubmit) their own work; editors and admins
 * approve, request changes (with a comment) and publish. Pure: lib/reviews/status.ts applies it.
 */
type Rule = { by: "author" | "editor"; commentRequired?: boolean };

export const TRANSITIONS: Record<AnnotationStatus, Partial<Record<AnnotationStatus, Rule>>> = {
  DRAFT: { SUBMITTED: { by: "author" } },
  CHANGES_REQUESTED: { SUBMITTED: { by: "author" } },
  SUBMITTED: { APPROVED: { by: "editor" }, CHANGES_REQUESTED: { by: "editor", commentRequired: true } },
  APPROVED: { PUBLISHED: { by: "editor" }, CHANGES_REQUESTED: { by: "editor", commentRequired: true } },
  PUBLISHED: {},
};

/** For display: "Changes requested". */
export const STATUS_LABEL: Record<AnnotationStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  PUBLISHED: "Published",
};

/** In sentences: "a changes requested annotation". */
const LABEL: Record<AnnotationStatus, string> = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  CHANGES_REQUESTED: "changes requested",
  APPROVED: "approved",
  PUBLISHED: "published",
};

export type TransitionRefusal = { code: "CONFLICT" | "FORBIDDEN" | "BAD_REQUEST"; message: string };

/** Why `actor` may not move an annotation from `from` to `to` (409 status, 403 role, 400 comment), or null. */
export function transitionRefusal(
  from: AnnotationStatus,
  to: AnnotationStatus,
  actor: { role: Role; isAuthor: boolean },
  comment: string | null,
): TransitionRefusal | null {
  const rule = TRANSITIONS[from][to];
  if (!rule) {
    const allowed = Object.keys(TRANSITIONS[from]).map((s) => LABEL[s as AnnotationStatus]);
    return {
      code: "CONFLICT",
      message: `A ${LABEL[from]} annotation cannot become ${LABEL[to]}${allowed.length ? `; it can become ${allowed.join(" or ")}` : ": it is final"}`,
    };
  }
  if (rule.by === "author" && !actor.isAuthor)
    return { code: "FORBIDDEN", message: `Only the author submits an annotation for review` };
  if (rule.by === "editor" && !hasRole(actor.role, "EDITOR"))
    return { code: "FORBIDDEN", message: `Only editors and admins make an annotation ${LABEL[to]}` };
  if (rule.commentRequired && !comment) return { code: "BAD_REQUEST", message: "comment: say what needs to change" };
  return null;
}

/** The statuses `actor` can move an annotation to from `from`, for the buttons the UI shows. */
export function nextStatuses(from: AnnotationStatus, actor: { role: Role; isAuthor: boolean }): AnnotationStatus[] {
  return (Object.keys(TRANSITIONS[from]) as AnnotationStatus[]).filter((to) => {
    const refusal = transitionRefusal(from, to, actor, "comment");
    return refusal === null;
  });
}
