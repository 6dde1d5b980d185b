// What the annotation form keeps as a local draft (components/shared/useLocalDraft.ts), and
// under which name: one draft per annotation being edited, one per span for a new annotation.
import type { AnnotationView } from "@/lib/annotations/view";
import { fieldsOf, type AnnotationFields } from "./annotation-fields";

/** The form's fields plus what only a draft needs: the first note, and the version the edits were made on (a restored draft still gets the 409 of a newer one). */
export type DraftFields = AnnotationFields & { note: string; version: number };

export type FormTarget =
  | { kind: "create"; articleId: string; revisionId: string; start: number; end: number; quote: string }
  | { kind: "edit"; annotation: AnnotationView };

/** Names of new-annotation drafts start with this, then "<revisionId>:<start>-<end>". */
export const NEW_ANNOTATION_DRAFT = "annotation:new:";

export const draftNameOf = (target: FormTarget) =>
  target.kind === "edit" ? `annotation:${target.annotation.id}` : `${NEW_ANNOTATION_DRAFT}${target.revisionId}:${target.start}-${target.end}`;

/** The span a new-annotation draft's name records, when it is on `revisionId`. */
export function spanOfDraft(name: string, revisionId: string): { start: number; end: number } | null {
  const match = /^annotation:new:([^:]+):(\d+)-(\d+)$/.exec(name);
  return match && match[1] === revisionId ? { start: Number(match[2]), end: Number(match[3]) } : null;
}

/** What the form shows before anyone types: the annotation as saved, or the quote as the claim. */
export function pristineFieldsOf(target: FormTarget): DraftFields {
  if (target.kind === "create") return { claim: target.quote, claimant: "", verdict: "", rationale: "", sources: [], note: "", version: 0 };
  return { ...fieldsOf(target.annotation), note: "", version: target.annotation.version };
}
