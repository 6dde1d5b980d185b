import { db } from "../db/client";
import { requireActor, type Actor } from "../auth/actor";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import type { ArticleValue } from "./slate-value";

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
};

/** The actor's workspace's articles, newest first, with their live (not deleted) annotation counts. */
export async function listArticles(options: { actor: Actor | null }): Promise<ArticleSummary[]> {
  const actor = requireActor(options.actor);
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
      _count: { select: { annotations: { where: { deletedAt: null } }, revisions: true } },
    },
  });
  return articles.map(({ _count, ...article }) => ({
    ...article,
    annotationCount: _count.annotations,
    revisionCount: _count.revisions,
  }));
}

export type ArticleDetail = Omit<ArticleSummary, "revisionCount"> & {
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
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId: actor.workspaceId },
    include: {
      revisions: { orderBy: { number: "desc" }, take: 1 },
      _count: { select: { annotations: { where: { deletedAt: null } } } },
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
