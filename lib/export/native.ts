import { liveThread, sourceContent } from "../annotations/view";
import type { NativeAnnotation, NativeArticle } from "./native-format";
import type { ExportRow } from "./query";

export type RatingBounds = { worstRating: number | null; bestRating: number | null };

/** Display names always; emails only when the export is made by an admin. */
const personOf = (user: { name: string; email: string }, importedName: string | null, withEmails: boolean) =>
  importedName !== null
    ? { name: importedName }
    : withEmails
      ? { name: user.name, email: user.email }
      : { name: user.name };

/** One annotation in factmark.v1: anchor, verdict with the scale's bounds, sources, notes, reviews. */
export function toNativeAnnotation(row: ExportRow, bounds: RatingBounds, withEmails: boolean): NativeAnnotation {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    anchor: { start: row.start, end: row.end, quote: row.quote, prefix: row.prefix, suffix: row.suffix },
    claim: row.claim,
    claimant: row.claimant,
    verdict: {
      key: row.verdictOption.key,
      label: row.verdictOption.label,
      rating: row.verdictOption.rating,
      ...bounds,
    },
    rationale: row.rationale,
    status: row.status,
    correction: row.correctsId ? { corrects: row.correctsId, note: row.correctionNote ?? "" } : null,
    reusedFrom:
      row.reusedFromId || row.reusedFromReference
        ? { annotationId: row.reusedFromId, referenceUrl: row.reusedFromReference?.url ?? null }
        : null,
    author: personOf(row.author, row.importedAuthor, withEmails),
    sources: row.sources.map(sourceContent),
    notes: liveThread(row.notes).map((note) => ({
      id: note.id,
      parentId: note.parentId,
      author: personOf(note.author, note.importedAuthor, withEmails),
      body: note.deletedAt ? null : note.body,
      createdAt: note.createdAt.toISOString(),
      updatedAt: note.updatedAt.toISOString(),
    })),
    reviews: row.reviews.map((review) => ({
      fromStatus: review.fromStatus,
      toStatus: review.toStatus,
      comment: review.comment,
      editor: personOf(review.editor, null, withEmails),
      createdAt: review.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type ArticleRow = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  sourceUrl: string | null;
  section: string | null;
  publishedAt: Date | null;
  revisions: { id: string; number: number; textHash: string }[];
};

/** An article's metadata and its current revision's id and text hash. */
export function toNativeArticle(article: ArticleRow): NativeArticle {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.sourceUrl,
    section: article.section,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    revision: article.revisions[0],
  };
}
