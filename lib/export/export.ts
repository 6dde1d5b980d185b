import { db } from "../db/client";
import { requireActor, type Actor } from "../auth/actor";
import { toAnnotationView } from "../annotations/view";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { CLAIMREVIEW_STATUSES, toClaimReview } from "./claimreview";
import { arrayHole, JsonLines, streamJson, type Chunk } from "./json-stream";
import { nativeAnnotationLines, partsFor } from "./native-sql";
import { NATIVE_FORMAT } from "./native-format";
import { toNativeArticle, type RatingBounds } from "./native";
import {
  annotationBatches,
  articleBatches,
  countSelected,
  exportQuerySchema,
  selectionFor,
  revisionTexts,
  type ExportQuery,
  type ExportRow,
} from "./query";
import type { ExportFormat } from "./formats";
import { CodePointIndex } from "../anchoring/code-points";
import { W3C_MEDIA_TYPE, W3C_PAGE_SIZE, w3cCollection, w3cIris, w3cItem, w3cPage } from "./w3c";

/** Where exported IRIs point: the app's public address and the desk's published checks. */
export type ExportUrls = { baseUrl: string; checkBaseUrl: string };

export type ExportDocument = {
  format: ExportFormat;
  contentType: string;
  filename: string;
  /** Annotations the document holds, known before the first byte (for progress). */
  total: number;
  /** The document, produced as it is read: UTF-8 bytes or text (a byte chunk may end inside a character). */
  chunks: AsyncGenerator<Chunk>;
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  native: "application/json; charset=utf-8",
  w3c: `${W3C_MEDIA_TYPE}; charset=utf-8`,
  claimreview: "application/ld+json; charset=utf-8",
};

/** Annotations read per query; small enough that a batch never weighs much. */
const BATCH_SIZE = 500;

/**
 * Exports the actor's workspace (or one article of it) in one of the three formats, as a stream:
 * memory stays flat however many annotations there are. Any member may export; emails of
 * authors appear only in an admin's native export. ClaimReview holds approved and published work
 * only. `onProgress` hears how many annotations have been written so far.
 */
export async function exportAnnotations(options: {
  actor: Actor | null;
  query: unknown;
  urls: ExportUrls;
  onProgress?: (written: number, total: number) => void;
}): Promise<ExportDocument> {
  const actor = requireActor(options.actor);
  const query = parseInput(exportQuerySchema, options.query);
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: {
      slug: true,
      name: true,
      verdictScale: { select: { name: true, options: { orderBy: { position: "asc" } } } },
    },
  });
  if (query.article && !(await db.article.count({ where: { id: query.article, workspaceId: actor.workspaceId } })))
    throw notFound("Article");

  const selection = await selectionFor(actor, query);
  if (query.format === "claimreview") {
    selection.statuses = (query.status ?? [...CLAIMREVIEW_STATUSES]).filter((s) =>
      (CLAIMREVIEW_STATUSES as readonly string[]).includes(s),
    );
  }
  const total = await countSelected(selection);
  const scaleOptions = workspace.verdictScale?.options ?? [];
  const ratings = scaleOptions.map((o) => o.rating).filter((r): r is number => r !== null);
  const bounds: RatingBounds = {
    worstRating: ratings.length ? Math.min(...ratings) : null,
    bestRating: ratings.length ? Math.max(...ratings) : null,
  };

  const page = query.format === "w3c" ? query.page : undefined;
  let written = 0;
  async function* counted<T>(batches: AsyncIterable<T[]>) {
    for await (const batch of batches) {
      yield batch;
      written += batch.length;
      options.onProgress?.(written, total);
    }
  }
  const rows = () =>
    counted(
      page === undefined
        ? annotationBatches(selection, BATCH_SIZE)
        : annotationBatches(selection, BATCH_SIZE, page * W3C_PAGE_SIZE, W3C_PAGE_SIZE),
    );

  const date = new Date().toISOString().slice(0, 10);
  const scope = query.article ? `article-${query.article}` : workspace.slug;
  const document = {
    format: query.format,
    contentType: CONTENT_TYPES[query.format],
    filename: `factmark-${scope}-${query.format}-${date}.json`,
    total,
  };

  if (query.format === "native") {
    const withEmails = actor.role === "ADMIN" && !actor.tokenId;
    const template = {
      format: NATIVE_FORMAT,
      exportedAt: new Date().toISOString(),
      workspace: { slug: workspace.slug, name: workspace.name },
      verdictScale: {
        name: workspace.verdictScale?.name ?? "",
        ...bounds,
        options: scaleOptions.map((o) => ({
          key: o.key,
          label: o.label,
          color: o.color,
          rating: o.rating,
          retired: o.retiredAt !== null,
        })),
      },
      articles: arrayHole("articles"),
      annotations: arrayHole("annotations"),
    };
    const articles = mapBatches(articleBatches(selection, BATCH_SIZE), toNativeArticle);
    // Assembled as JSON by PostgreSQL in one statement and streamed by COPY (lib/export/native-sql.ts),
    // its bytes written through untouched; a large one by parallel workers.
    const lines = nativeAnnotationLines(selection, bounds, withEmails, partsFor(total));
    const annotations = new JsonLines(lines, (count) => {
      written += count;
      options.onProgress?.(written, total);
    });
    return { ...document, chunks: streamJson(template, { articles, annotations }) };
  }

  const iris = w3cIris(options.urls.baseUrl);
  const texts = revisionTexts();

  if (query.format === "claimreview") {
    const context = {
      checkBaseUrl: options.urls.checkBaseUrl,
      articleUrl: iris.article,
      organization: { name: workspace.name },
      bounds,
    };
    const reviews = mapWithArticles(rows(), texts, (row, article) => toClaimReview(row, article, context));
    return {
      ...document,
      chunks: streamJson({ "@context": "https://schema.org", "@graph": arrayHole("items") }, { items: reviews }),
    };
  }

  const collectionId = `${options.urls.baseUrl.replace(/\/+$/, "")}/api/export?${collectionParams(query)}`;
  const label = `Fact-checks of ${workspace.name}${query.article ? ", one article" : ""}`;
  const items = mapWithArticles(rows(), texts, (row, article, positions) =>
    w3cItem(toAnnotationView(row), article, options.urls.baseUrl, positions),
  );
  const template =
    page === undefined
      ? w3cCollection({
          id: collectionId,
          label,
          total,
          first: { id: `${collectionId}&page=0`, type: "AnnotationPage", startIndex: 0, items: arrayHole("items") },
        })
      : w3cPage({
          collection: { id: collectionId, label, total },
          pageIri: (n) => `${collectionId}&page=${n}`,
          page,
          items: arrayHole("items"),
        });
  return { ...document, chunks: streamJson(template, { items }) };
}

async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map);
}

/** Maps rows that need their article's text (W3C code points, ClaimReview appearance). */
async function* mapWithArticles<U>(
  batches: AsyncIterable<ExportRow[]>,
  texts: ReturnType<typeof revisionTexts>,
  map: (
    row: ExportRow,
    article: { id: string; title: string; sourceUrl: string | null; text: string },
    positions: CodePointIndex,
  ) => U,
): AsyncGenerator<U[]> {
  const indexes = new WeakMap<object, CodePointIndex>();
  for await (const batch of batches) {
    const articles = await texts(batch);
    yield batch.map((row) => {
      const article = articles.get(row.revisionId)!;
      let positions = indexes.get(article);
      if (!positions) indexes.set(article, (positions = new CodePointIndex(article.text)));
      return map(row, article, positions);
    });
  }
}

/** The query that names the collection: everything but the page, in a stable order. */
function collectionParams(query: ExportQuery): string {
  const params = new URLSearchParams({ format: query.format });
  if (query.article) params.set("article", query.article);
  if (query.status) params.set("status", query.status.join(","));
  if (query.verdict) params.set("verdict", query.verdict.join(","));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params.toString();
}
