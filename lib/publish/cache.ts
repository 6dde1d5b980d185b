import "server-only";
import { unstable_cache } from "next/cache";
import type { ExportUrls } from "../export/export";
import { findPublicArticle, findPublicCheck, listPublicChecks, listPublicPages } from "./checks";
import { articleTag, checkTag, LIST_TAG, PUBLIC_TAG } from "./tags";

/**
 * The public reads behind Next's data cache, tagged so that publishing, correcting, withdrawing
 * and the workspace's settings drop exactly what they change (lib/publish/revalidate.ts). A spike
 * of readers after publication costs one database read per page per instance, then none. Another
 * instance does not hear this instance's revalidation (each keeps its own cache), so every entry
 * also expires after REVALIDATE_SECONDS: that bounds how long any instance serves an old version.
 */
export const REVALIDATE_SECONDS = 60;

/** Sitemaps hold at most 50,000 addresses. */
export const SITEMAP_LIMIT = 50_000;
export const FEED_LIMIT = 50;

export const cachedPublicCheck = (annotationId: string, urls: ExportUrls) =>
  unstable_cache(() => findPublicCheck({ annotationId, urls }), ["public-check", annotationId, urls.baseUrl, urls.checkBaseUrl], {
    tags: [PUBLIC_TAG, checkTag(annotationId)],
    revalidate: REVALIDATE_SECONDS,
  })();

export const cachedPublicArticle = (articleId: string) =>
  unstable_cache(() => findPublicArticle({ articleId }), ["public-article", articleId], { tags: [PUBLIC_TAG, articleTag(articleId)], revalidate: REVALIDATE_SECONDS })();

export const cachedFeed = () => unstable_cache(() => listPublicChecks({ limit: FEED_LIMIT }), ["public-feed"], { tags: [PUBLIC_TAG, LIST_TAG], revalidate: REVALIDATE_SECONDS })();

export const cachedSitemap = () => unstable_cache(() => listPublicPages({ limit: SITEMAP_LIMIT }), ["public-sitemap"], { tags: [PUBLIC_TAG, LIST_TAG], revalidate: REVALIDATE_SECONDS })();
