// What the annotation form keeps as a local draft (components/shared/useLocalDraft.ts), and
// under which name: one draft per annotation being edited, one per span for a new annotation.
import type { AnnotationView } from "@/lib/annotations/view";
import { fieldsOf, type AnnotationFields } from "./annotation-fields";
import { LIMITS } from "@/lib/annotations/limits";

/**
 * The form's fields plus what only a draft needs: the first note, and the version the edits were made on (a restored
 * draft still gets the 409 of a newer one).
 */
export type DraftFields = AnnotationFields & { note: string; version: number };

export type FormTarget =
  | { kind: "create"; articleId: string; revisionId: string; start: number; end: number; quote: string }
  | { kind: "edit"; annotation: AnnotationView };

/** Names of new-annotation drafts start with this, then "<revisionId>:<start>-<end>". */
export const NEW_ANNOTATION_DRAFT = "annotation:new:";

export const draftNameOf = (target: FormTarget) =>
  target.kind === "edit"
    ? `annotation:${target.annotation.id}`
    : `${NEW_ANNOTATION_DRAFT}${target.revisionId}:${target.start}-${target.end}`;

/** The span a new-annotation draft's name records, when it is on `revisionId`. */
export function spanOfDraft(name: string, revisionId: string): { start: number; end: number } | null {
  const match = /^annotation:new:([^:]+):(\d+)-(\d+)$/.exec(name);
  return match && match[1] === revisionId ? { start: Number(match[2]), end: Number(match[3]) } : null;
}

/** `text` cut to `max` UTF-16 units, never between the two halves of an emoji. */
export function cutToLimit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** True when a new annotation's quote is longer than a claim may be, so the prefill was cut (the form says so). */
export const prefillWasCut = (target: FormTarget) => target.kind === "create" && target.quote.length > LIMITS.claim;

/**
 * What the form shows before anyone types: the annotation as saved, or the quote as the claim,
 * cut to the claim's limit when the passage is longer (the quote itself keeps all of it).
 */
export function pristineFieldsOf(target: FormTarget): DraftFields {
  if (target.kind === "create")
    return {
      claim: cutToLimit(target.quote, LIMITS.claim),
      claimant: "",
      verdict: "",
      rationale: "",
      sources: [],
      note: "",
      version: 0,
    };
  return { ...fieldsOf(target.annotation), note: "", version: target.annotation.version };
}
