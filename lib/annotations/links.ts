// Where one annotation lives in the app: its article, scrolled to it, with its detail open.
// Pure, so server pages, client components and exports build the same link.

/** The query parameter that names the open annotation on the article page. */
export const ANNOTATION_PARAM = "annotation";

export function annotationHref(articleId: string, annotationId: string): string {
  return `/articles/${encodeURIComponent(articleId)}?${ANNOTATION_PARAM}=${encodeURIComponent(annotationId)}`;
}
