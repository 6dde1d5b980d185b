import { oncePublicAnnotationWhere, publicAnnotationWhere } from "../access/visibility";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { toClaimReview } from "../export/claimreview";
import type { ExportUrls } from "../export/export";
import { w3cIris } from "../export/w3c";
import { idSchema } from "../validation";
import { passageAround, type Passage } from "./passage";
import type { SourceView } from "../annotations/view";

/**
 * What a public page reads of a check. Only public fields: no author emails, notes, reviews'
 * comments, statuses or ids of people. Every read here is scoped by the public reader's rule in
 * lib/access/visibility.ts. Dates are ISO strings so the result can be cached as JSON.
 */
const summarySelect = {
  id: true,
  articleId: true,
  revisionId: true,
  start: true,
  end: true,
  quote: true,
  claim: true,
  claimant: true,
  rationale: true,
  correctionNote: true,
  correctsId: true,
  publishedAt: true,
  updatedAt: true,
  verdictOption: { select: { key: true, label: true, description: true, rating: true, position: true, scaleId: true } },
  article: { select: { id: true, title: true, outlet: true, sourceUrl: true } },
  workspace: { select: { name: true, creditReviewers: true } },
} satisfies Prisma.AnnotationSelect;

type SummaryRow = Prisma.AnnotationGetPayload<{ select: typeof summarySelect }>;

/** A verdict as readers see it: its label and where it sits on the desk's scale, never only a colour. */
export type PublicVerdict = {
  key: string;
  label: string;
  description: string | null;
  /** The rated options of the scale, from one end to the other; `index` is this verdict's place, null for an unrated one (Unverifiable). */
  scale: string[];
  index: number | null;
};

export type PublicCheckSummary = {
  id: string;
  claim: string;
  claimant: string | null;
  rationale: string | null;
  quote: string;
  verdict: PublicVerdict;
  article: { id: string; title: string; outlet: string | null; sourceUrl: string | null };
  desk: string;
  /** When this version was published (for a correction: when the correction was). */
  updatedAt: string;
  correctionNote: string | null;
};

/** A source as the public page shows it: the desk's own, less its row id. */
export type PublicSource = Omit<SourceView, "id">;

export type PublicCheck = PublicCheckSummary & {
  sources: PublicSource[];
  passage: Passage;
  /** When the check first went out (a correction keeps the date of the version it corrects). */
  publishedAt: string;
  /** Names, only when the workspace credits reviewers by name; otherwise the desk is the author. */
  credit: { by: string; correctedBy: string | null } | null;
  /** The schema.org ClaimReview the export gives for this check, with `url` this page (lib/export/claimreview.ts). */
  claimReview: Record<string, unknown>;
};

export type PublicCheckLookup =
  | { kind: "check"; check: PublicCheck }
  /** Superseded by a published correction: the correction's id. */
  | { kind: "moved"; to: string }
  /** Withdrawn by the desk (deleted after publication). */
  | { kind: "gone"; desk: string; note: string | null; at: string }
  | { kind: "missing" };

const iso = (date: Date | null) => date?.toISOString() ?? null;

async function scaleOf(scaleIds: string[]) {
  const options = await db.verdictOption.findMany({
    where: { scaleId: { in: [...new Set(scaleIds)] } },
    orderBy: { position: "asc" },
    select: { id: true, scaleId: true, label: true, rating: true, retiredAt: true, position: true },
  });
  return (row: SummaryRow): PublicVerdict => {
    const own = row.verdictOption;
    // Retired options leave the scale readers see, unless this check still uses one.
    const rated = options.filter(
      (o) => o.scaleId === own.scaleId && o.rating !== null && (o.retiredAt === null || o.position === own.position),
    );
    const index = own.rating === null ? null : rated.findIndex((o) => o.position === own.position);
    return {
      key: own.key,
      label: own.label,
      description: own.description,
      scale: rated.map((o) => o.label),
      index: index === -1 ? null : index,
    };
  };
}

function toSummary(row: SummaryRow, verdict: (row: SummaryRow) => PublicVerdict): PublicCheckSummary {
  return {
    id: row.id,
    claim: row.claim,
    claimant: row.claimant,
    rationale: row.rationale,
    quote: row.quote,
    verdict: verdict(row),
    article: row.article,
    desk: row.workspace.name,
    updatedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    correctionNote: row.correctionNote,
  };
}

/** Follows published corrections from a superseded check to the current one (a short chain). */
async function currentCorrectionOf(id: string): Promise<string | null> {
  let at = id;
  for (let hop = 0; hop < 50; hop++) {
    const next = await db.annotation.findFirst({
      where: { correctsId: at, ...oncePublicAnnotationWhere() },
      select: { id: true, supersededAt: true },
    });
    if (!next) return null;
    if (!next.supersededAt) return next.id;
    at = next.id;
  }
  return null;
}

/** The first version of a corrected check: its publication date and author are the check's. */
async function firstVersionOf(row: { correctsId: string | null; publishedAt: Date | null; authorName: string }) {
  let first = { publishedAt: row.publishedAt, authorName: row.authorName };
  let at = row.correctsId;
  for (let hop = 0; at && hop < 50; hop++) {
    const previous = await db.annotation.findFirst({
      where: { id: at, ...oncePublicAnnotationWhere() },
      select: { correctsId: true, publishedAt: true, importedAuthor: true, author: { select: { name: true } } },
    });
    if (!previous) break;
    first = { publishedAt: previous.publishedAt, authorName: previous.importedAuthor ?? previous.author.name };
    at = previous.correctsId;
  }
  return first;
}

/**
 * One check as the public reads it at `/checks/<id>`, or what became of it: superseded by a
 * correction (`moved`), withdrawn (`gone`), or never public, unknown, or in a workspace without
 * public pages (`missing`, which the page answers 404 whatever the reason, so ids reveal nothing).
 */
export async function findPublicCheck(options: {
  annotationId: unknown;
  urls: ExportUrls;
}): Promise<PublicCheckLookup> {
  const id = idSchema.safeParse(options.annotationId);
  if (!id.success) return { kind: "missing" };
  const fate = await db.annotation.findFirst({
    where: { id: id.data, ...oncePublicAnnotationWhere() },
    select: {
      deletedAt: true,
      supersededAt: true,
      placement: true,
      retractionNote: true,
      workspace: { select: { name: true } },
    },
  });
  if (!fate) return { kind: "missing" };
  if (fate.deletedAt || fate.placement === "DISMISSED")
    return {
      kind: "gone",
      desk: fate.workspace.name,
      note: fate.retractionNote,
      at: (fate.deletedAt ?? new Date()).toISOString(),
    };
  if (fate.supersededAt) {
    const to = await currentCorrectionOf(id.data);
    return to ? { kind: "moved", to } : { kind: "missing" };
  }
  const row = await db.annotation.findFirst({
    where: { id: id.data, ...publicAnnotationWhere() },
    select: {
      ...summarySelect,
      importedAuthor: true,
      author: { select: { name: true } },
      sources: {
        orderBy: { position: "asc" },
        select: { url: true, title: true, publisher: true, excerpt: true, archiveUrl: true, accessedAt: true },
      },
      revision: { select: { text: true } },
      // For ClaimReview's datePublished only: never their comments or editors.
      reviews: {
        where: { toStatus: { in: ["APPROVED", "PUBLISHED"] } },
        orderBy: { createdAt: "asc" },
        select: { toStatus: true, createdAt: true },
      },
      workspace: {
        select: {
          name: true,
          creditReviewers: true,
          verdictScale: { select: { options: { select: { rating: true } } } },
        },
      },
    },
  });
  if (!row) return { kind: "missing" };
  const verdict = await scaleOf([row.verdictOption.scaleId]);
  const authorName = row.importedAuthor ?? row.author.name;
  const first = row.correctsId
    ? await firstVersionOf({ correctsId: row.correctsId, publishedAt: row.publishedAt, authorName })
    : { publishedAt: row.publishedAt, authorName };
  const ratings = (row.workspace.verdictScale?.options ?? [])
    .map((o) => o.rating)
    .filter((r): r is number => r !== null);
  const bounds = {
    worstRating: ratings.length ? Math.min(...ratings) : null,
    bestRating: ratings.length ? Math.max(...ratings) : null,
  };
  const claimReview = toClaimReview(row, row.article, {
    checkBaseUrl: options.urls.checkBaseUrl,
    articleUrl: w3cIris(options.urls.baseUrl).article,
    organization: { name: row.workspace.name },
    bounds,
  });
  return {
    kind: "check",
    check: {
      ...toSummary(row, verdict),
      sources: row.sources.map((s) => ({ ...s, accessedAt: iso(s.accessedAt) })),
      passage: passageAround(row.revision.text, row.start, row.end),
      publishedAt: (first.publishedAt ?? row.publishedAt ?? row.updatedAt).toISOString(),
      credit: row.workspace.creditReviewers
        ? { by: first.authorName, correctedBy: row.correctsId ? authorName : null }
        : null,
      claimReview,
    },
  };
}

/** The newest published checks of every workspace with public pages, newest first (the Atom feed). */
export async function listPublicChecks(options: { limit: number }): Promise<PublicCheckSummary[]> {
  const rows = await db.annotation.findMany({
    where: publicAnnotationWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: summarySelect,
  });
  const verdict = await scaleOf(rows.map((r) => r.verdictOption.scaleId));
  return rows.map((row) => toSummary(row, verdict));
}

export type PublicArticleCheck = PublicCheckSummary & { start: number; end: number; onCurrentText: boolean };

export type PublicArticle = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  desk: string;
  /** The current revision's Slate value (lib/articles/slate-value.ts). */
  body: unknown;
  /** In text order. */
  checks: PublicArticleCheck[];
};

/**
 * An article as the public reads it at `/read/<id>`: its current text and its published checks.
 * Only an article with at least one public check is public (articles are the desk's working copies
 * of other outlets' pieces); anything else is null, answered 404.
 */
export async function findPublicArticle(options: { articleId: unknown }): Promise<PublicArticle | null> {
  const id = idSchema.safeParse(options.articleId);
  if (!id.success) return null;
  const rows = await db.annotation.findMany({
    where: { articleId: id.data, ...publicAnnotationWhere() },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: summarySelect,
  });
  if (rows.length === 0) return null;
  const article = await db.article.findUniqueOrThrow({
    where: { id: id.data },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      sourceUrl: true,
      publishedAt: true,
      workspace: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, body: true } },
    },
  });
  const current = article.revisions[0];
  const verdict = await scaleOf(rows.map((r) => r.verdictOption.scaleId));
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    sourceUrl: article.sourceUrl,
    publishedAt: iso(article.publishedAt),
    desk: article.workspace.name,
    body: current.body,
    // A check left on an older revision (an orphan waiting to be re-placed) is listed, not highlighted.
    checks: rows.map((row) => ({
      ...toSummary(row, verdict),
      start: row.start,
      end: row.end,
      onCurrentText: row.revisionId === current.id,
    })),
  };
}

export type PublicPage = { kind: "check" | "article"; id: string; lastModified: string };

/** Every public page (checks and the articles they are on) for the sitemap, at most `limit`. */
export async function listPublicPages(options: { limit: number }): Promise<PublicPage[]> {
  const rows = await db.annotation.findMany({
    where: publicAnnotationWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: { id: true, articleId: true, publishedAt: true, updatedAt: true },
  });
  const pages: PublicPage[] = [];
  const articles = new Map<string, string>();
  for (const row of rows) {
    const at = (row.publishedAt ?? row.updatedAt).toISOString();
    pages.push({ kind: "check", id: row.id, lastModified: at });
    // Newest first: an article's first sighting is its latest change.
    if (!articles.has(row.articleId)) articles.set(row.articleId, at);
  }
  for (const [id, at] of articles) pages.push({ kind: "article", id, lastModified: at });
  return pages.slice(0, options.limit);
}
