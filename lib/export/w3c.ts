import type { AnnotationView } from "../annotations/view";
import { CodePointIndex } from "../anchoring/code-points";

/**
 * W3C Web Annotation (JSON-LD) for Factmark annotations: one Annotation per span, targeting the
 * article's URL with a TextQuoteSelector and a TextPositionSelector counted in Unicode code
 * points (our anchors count UTF-16 units). Pure: the caller loads and authorizes.
 */
export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const W3C_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export type W3cArticle = { id: string; title: string; sourceUrl: string | null; text: string };

/** Annotations per page when the collection is read page by page (`page=N`). */
export const W3C_PAGE_SIZE = 1_000;

type Agent = { id: string; type: "Person"; name: string };

/** Stable IRIs for our own resources, under the app's public base URL. */
export function w3cIris(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    annotation: (id: string) => `${base}/api/annotations/${id}`,
    person: (id: string) => `${base}/people/${id}`,
    verdict: (key: string) => `${base}/verdicts/${encodeURIComponent(key)}`,
    article: (article: Pick<W3cArticle, "id" | "sourceUrl">) => article.sourceUrl ?? `${base}/articles/${article.id}`,
    generator: `${base}/`,
  };
}

const person = (iris: ReturnType<typeof w3cIris>, author: { id: string; name: string }): Agent => ({
  id: iris.person(author.id),
  type: "Person",
  name: author.name,
});

/** One annotation as a standalone W3C Annotation document. */
export function toW3cAnnotation(annotation: AnnotationView, article: W3cArticle, baseUrl: string) {
  return { "@context": W3C_CONTEXT, ...w3cItem(annotation, article, baseUrl, new CodePointIndex(article.text)) };
}

/** The annotation without @context, as it sits in a page (which carries the context). */
export function w3cItem(annotation: AnnotationView, article: W3cArticle, baseUrl: string, positions: CodePointIndex) {
  const iris = w3cIris(baseUrl);
  const body: object[] = [
    { type: "TextualBody", purpose: "describing", value: annotation.claim, format: "text/plain" },
    {
      type: "TextualBody",
      purpose: "assessing",
      value: annotation.verdict.label,
      format: "text/plain",
      language: "en",
    },
    { type: "SpecificResource", purpose: "classifying", source: iris.verdict(annotation.verdict.key) },
  ];
  if (annotation.rationale)
    body.push({ type: "TextualBody", purpose: "commenting", value: annotation.rationale, format: "text/plain" });
  for (const note of annotation.notes) {
    if (note.body === null) continue;
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: note.body,
      format: "text/plain",
      creator: person(iris, note.author),
      created: note.createdAt,
    });
  }
  for (const source of annotation.sources)
    body.push({ type: "SpecificResource", purpose: "linking", source: source.url });

  return {
    id: iris.annotation(annotation.id),
    type: "Annotation",
    motivation: "assessing",
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: person(iris, annotation.author),
    generator: { id: iris.generator, type: "Software", name: "Factmark" },
    body,
    target: {
      source: iris.article(article),
      selector: [
        { type: "TextQuoteSelector", exact: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix },
        {
          type: "TextPositionSelector",
          start: positions.toCodePoints(annotation.start),
          end: positions.toCodePoints(annotation.end),
        },
      ],
    },
  };
}

/**
 * The collection's head; `first` holds the first page. A whole export embeds one page with every
 * item in it; paged reads (`page=N`) link to separate pages instead (see w3cPage).
 */
export function w3cCollection(options: {
  id: string;
  label: string;
  total: number;
  first: object | string;
  last?: string;
}) {
  return {
    "@context": W3C_CONTEXT,
    id: options.id,
    type: "AnnotationCollection",
    label: options.label,
    total: options.total,
    first: options.first,
    ...(options.last ? { last: options.last } : {}),
  };
}

/** One page of a collection read page by page, with its neighbours and its place in the whole. */
export function w3cPage(options: {
  collection: { id: string; label: string; total: number };
  pageIri: (n: number) => string;
  page: number;
  items: unknown;
}) {
  const { collection, pageIri, page } = options;
  const pages = Math.max(1, Math.ceil(collection.total / W3C_PAGE_SIZE));
  return {
    "@context": W3C_CONTEXT,
    id: pageIri(page),
    type: "AnnotationPage",
    partOf: { id: collection.id, type: "AnnotationCollection", label: collection.label, total: collection.total },
    startIndex: page * W3C_PAGE_SIZE,
    ...(page + 1 < pages ? { next: pageIri(page + 1) } : {}),
    ...(page > 0 ? { prev: pageIri(page - 1) } : {}),
    items: options.items,
  };
}

/** An article's annotations as one AnnotationCollection with a single embedded page. */
export function toW3cCollection(
  annotations: AnnotationView[],
  article: W3cArticle,
  baseUrl: string,
  collectionId: string,
) {
  const positions = new CodePointIndex(article.text);
  const items = annotations.map((annotation) => w3cItem(annotation, article, baseUrl, positions));
  return w3cCollection({
    id: collectionId,
    label: `Fact-checks of “${article.title}”`,
    total: items.length,
    first: { id: `${collectionId}#page1`, type: "AnnotationPage", startIndex: 0, items },
  });
}
