// The shape of a "Checked before" match, shared by lib/search/similar.ts and the form that shows
// them (components may not import modules that reach the database).
import type { AnnotationStatus } from "../reviews/transitions";

export type SimilarMatch = {
  /** An annotation of this workspace, or null for a reference check. */
  annotationId: string | null;
  articleId: string | null;
  claim: string;
  claimant: string | null;
  verdict: { key: string | null; label: string | null };
  status: AnnotationStatus | null;
  publishedAt: string | null;
  /** For a reference check: its id, URL and publisher. */
  reference?: { id: string; url: string; publisher: string | null };
  score: number;
};
