import type { AnnotationView } from "@/lib/annotations/view";
import { toSourceDraft, type SourceDraft } from "./SourcesFieldset";

/** The fields a person edits on an annotation, as the form holds them. */
export type AnnotationFields = {
  claim: string;
  claimant: string;
  verdict: string;
  rationale: string;
  sources: SourceDraft[];
};

export const FIELD_NAMES = [
  "claim",
  "claimant",
  "verdict",
  "rationale",
  "sources",
] as const satisfies readonly (keyof AnnotationFields)[];
export type FieldName = (typeof FIELD_NAMES)[number];

export const draftOf = (annotation: AnnotationView): SourceDraft[] => annotation.sources.map(toSourceDraft);

/** A saved annotation's editable fields, in the form's shape. */
export const fieldsOf = (annotation: AnnotationView): AnnotationFields => ({
  claim: annotation.claim,
  claimant: annotation.claimant ?? "",
  verdict: annotation.verdict.key,
  rationale: annotation.rationale ?? "",
  sources: draftOf(annotation),
});

/** Sources the form would send: empty rows are dropped, so they never count as a change. */
const filledSources = (sources: SourceDraft[]) => sources.filter((s) => Object.values(s).some((v) => v.trim()));

export const sameField = (name: FieldName, a: AnnotationFields, b: AnnotationFields): boolean =>
  name === "sources"
    ? JSON.stringify(filledSources(a.sources)) === JSON.stringify(filledSources(b.sources))
    : a[name] === b[name];

/**
 * A three-way comparison after a 409: the fields where their saved copy and the form differ, each
 * with what the form started from. A field only the other person changed defaults to theirs (you
 * did not touch it); one you changed defaults to yours. Pure, so it is unit-tested.
 */
export function compareFields(
  base: AnnotationFields,
  mine: AnnotationFields,
  theirs: AnnotationFields,
): { name: FieldName; keepMine: boolean }[] {
  return FIELD_NAMES.filter((name) => !sameField(name, mine, theirs)).map((name) => ({
    name,
    keepMine: !sameField(name, mine, base),
  }));
}

/** The form's new values after choosing per field. */
export function resolveFields(
  mine: AnnotationFields,
  theirs: AnnotationFields,
  keepMine: Partial<Record<FieldName, boolean>>,
): AnnotationFields {
  const out = { ...theirs };
  for (const name of FIELD_NAMES) if (keepMine[name]) (out as Record<FieldName, unknown>)[name] = mine[name];
  return out;
}
