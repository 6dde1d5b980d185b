import { db } from "../db/client";
import { visibilityFor, visibleAnnotationWhere } from "../access/visibility";
import { requireActor, type Actor } from "../auth/actor";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import type { ArticleValue } from "./slate-value";
import { articleStatus, type ArticleStatus } from "./status";
import type { AnnotationStatus } from "../db/generated/enums";

export type ArticleSummary = {
  id: string;
  title: string;
  outlet: string | null;
  section: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  annotationCount: number;
  revisionCount: number;
  /** Derived from its annotations' review statuses (lib/articles/status.ts). */
  status: ArticleStatus;
};

/** The actor's workspace's article titles, newest first: what filter menus offer. Any member. */
export async function listArticleTitles(options: { actor: Actor | null }): Promise<{ id: string; title: string }[]> {
  const actor = requireActor(options.actor);
  return db.article.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true },
  });
}

/** The actor's workspace's articles, newest first, with their live (not deleted) annotation counts. */
export async function listArticles(options: { actor: Actor | null }): Promise<ArticleSummary[]> {
  const actor = requireActor(options.actor);
  const visible = visibleAnnotationWhere(await visibilityFor(db, actor));
  const articles = await db.article.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      outlet: true,
      section: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { annotations: { where: { supersededAt: null, ...visible } }, revisions: true } },
    },
  });
  // One aggregate for the whole list: annotations per article and review status.
  const groups = await db.annotation.groupBy({
    by: ["articleId", "status"],
    where: { supersededAt: null, placement: { not: "DISMISSED" }, ...visible },
    _count: { _all: true },
  });
  const counts = new Map<string, Partial<Record<AnnotationStatus, number>>>();
  for (const group of groups)
    counts.set(group.articleId, { ...counts.get(group.articleId), [group.status]: group._count._all });
  return articles.map(({ _count, ...article }) => ({
    ...article,
    annotationCount: _count.annotations,
    revisionCount: _count.revisions,
    status: articleStatus(counts.get(article.id) ?? {}),
  }));
}

export type ArticleDetail = Omit<ArticleSummary, "revisionCount" | "status"> & {
  author: string | null;
  sourceUrl: string | null;
  revision: { id: string; number: number; createdAt: Date; text: string; textHash: string; body: ArticleValue };
};

/**
 * One article of the actor's workspace with its current revision (canonical text and Slate
 * value), so API clients can compute offsets themselves. 404 for any other workspace's article.
 */
export async function getArticle(options: { actor: Actor | null; articleId: unknown }): Promise<ArticleDetail> {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const visible = visibleAnnotationWhere(await visibilityFor(db, actor));
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId: actor.workspaceId },
    include: {
      revisions: { orderBy: { number: "desc" }, take: 1 },
      _count: { select: { annotations: { where: { supersededAt: null, ...visible } } } },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw notFound("Article");
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    section: article.section,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    annotationCount: article._count.annotations,
    revision: {
      id: revision.id,
      number: revision.number,
      createdAt: revision.createdAt,
      text: revision.text,
      textHash: revision.textHash,
      body: revision.body as ArticleValue,
    },
  };
}

/** What the article page reads of an article: its details and current revision, without the text or counts. */
export type ArticleReading = Pick<
  ArticleDetail,
  "id" | "title" | "outlet" | "author" | "section" | "sourceUrl" | "publishedAt"
> & { revision: { id: string; number: number; body: ArticleValue } };

/**
 * The article page's read of one article of the actor's workspace (404 for any other): one
 * statement, since the page sends only the Slate value and derives the canonical text from it
 * in the browser (#15: getArticle's three queries, the text and the count were a tenth of the
 * page's server time).
 */
export async function getArticleForReading(options: {
  actor: Actor | null;
  articleId: unknown;
}): Promise<ArticleReading> {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const [row] = await db.$queryRaw<
    (Omit<ArticleReading, "revision"> & ArticleReading["revision"] & { revisionId: string })[]
  >`
    SELECT a.id, a.title, a.outlet, a.author, a.section, a."sourceUrl", a."publishedAt",
           r.id AS "revisionId", r.number, r.body
    FROM "Article" a
    JOIN LATERAL (
      SELECT id, number, body FROM "ArticleRevision" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a.id = ${articleId} AND a."workspaceId" = ${actor.workspaceId}`;
  if (!row) throw notFound("Article");
  const { revisionId, number, body, ...article } = row;
  return { ...article, revision: { id: revisionId, number, body } };
}
