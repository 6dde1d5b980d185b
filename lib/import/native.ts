import { z } from "zod";
import { nativeAnnotationSchema, nativeDocumentSchema, type NativeAnnotation } from "../export/native-format";
import type { ImportItem, ImportProblem } from "./item";

/** The document with its annotations left unchecked, so that each can be checked on its own. */
const envelopeSchema = nativeDocumentSchema.extend({ annotations: z.array(z.unknown()) });

/**
 * Reads a factmark.v1 document into import items. Each annotation is checked on its own so that
 * the report names every bad one by index; a problem outside them is the file's (index null).
 */
export function readNative(document: unknown): { items: ImportItem[]; problems: ImportProblem[] } {
  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) {
    return {
      items: [],
      problems: envelope.error.issues.map((issue) => ({
        index: null,
        reason: `${issue.path.join(".") || "file"}: ${issue.message}`,
      })),
    };
  }
  const items: ImportItem[] = [];
  const problems: ImportProblem[] = [];
  envelope.data.annotations.forEach((annotation, index) => {
    const parsed = nativeAnnotationSchema.safeParse(annotation);
    if (parsed.success) items.push(toItem(parsed.data, index));
    else
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          index,
          reason: `${issue.path.join(".") || "annotation"}: ${issue.message}`,
        })),
      );
  });
  const articles = new Set(envelope.data.annotations.map((a) => (a as { articleId?: unknown })?.articleId));
  if (articles.size > 1) {
    problems.unshift({
      index: null,
      reason: `the file holds annotations of ${articles.size} articles; export one article (article=<id>) and import that`,
    });
  }
  return { items, problems };
}

function toItem(annotation: NativeAnnotation, index: number): ImportItem {
  return {
    index,
    externalId: annotation.id,
    selector: { ...annotation.anchor, exact: annotation.anchor.quote },
    claim: annotation.claim,
    claimant: annotation.claimant,
    verdict: annotation.verdict.key,
    rationale: annotation.rationale,
    sources: annotation.sources,
    authorName: annotation.author.name,
    notes: annotation.notes.map((note) => ({
      externalId: note.id,
      parentExternalId: note.parentId,
      authorName: note.author.name,
      body: note.body,
    })),
  };
}
