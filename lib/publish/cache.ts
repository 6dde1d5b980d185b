import "server-only";
import { unstable_cache } from "next/cache";
import type { ExportUrls } from "../export/export";
import { idSchema } from "../validation";
import {
  findPublicArticle,
  findPublicCheck,
  listPublicChecks,
  listPublicPages,
  type PublicArticle,
  type PublicCheckLookup,
} from "./checks";
import { articleTag, checkTag, LIST_TAG, PUBLIC_TAG } from "./tags";
import { liveHub } from "../live/hub";

/**
 * The public reads behind Next's data cache, tagged so that publishing, correcting, withdrawing
 * and the workspace's settings drop exactly what they change (lib/publish/revalidate.ts). A spike
 * of readers after publication costs one database read per page per instance, then none. Each
 * instance keeps its own cache and hears the others' purges over the live desk's LISTEN bus, which
 * every cached read makes sure is up (hearing). Every entry also expires after REVALIDATE_SECONDS:
 * that bounds how long an instance serves an old version should a notice not reach it.
 */
export const REVALIDATE_SECONDS = 60;

/** Sitemaps hold at most 50,000 addresses. */
export const SITEMAP_LIMIT = 50_000;
export const FEED_LIMIT = 50;

/** How long a cached read waits for the bus before going on without it (REVALIDATE_SECONDS then bounds staleness). */
const HEARING_WAIT_MS = 2_000;

/** Starts this instance's listener (once) so the purges of the others reach its cache. */
async function hearing(): Promise<void> {
  await Promise.race([
    liveHub().listening,
    new Promise<void>((resolve) => setTimeout(resolve, HEARING_WAIT_MS).unref()),
  ]);
}

/** Thrown inside a cached read so that nothing is cached for it (unstable_cache keeps only results). */
class NotPublic extends Error {}

/**
 * A lookup that caches only what is public (or was: redirects, withdrawals). Ids that were never
 * public are not cached, so a visitor trying random ids fills no cache; each costs one indexed read.
 */
async function cachedUnlessMissing<T>(read: () => Promise<T | null>, key: string[], tags: string[]): Promise<T | null> {
  await hearing();
  try {
    return await unstable_cache(
      async () => {
        const value = await read();
        if (value === null) throw new NotPublic();
        return value;
      },
      key,
      { tags: [PUBLIC_TAG, ...tags], revalidate: REVALIDATE_SECONDS },
    )();
  } catch (error) {
    if (error instanceof NotPublic) return null;
    throw error;
  }
}

export type FoundCheck = Exclude<PublicCheckLookup, { kind: "missing" }>;

/** A check's public page data (or its redirect or withdrawal); null when it is not public. */
export async function cachedPublicCheck(annotationId: string, urls: ExportUrls): Promise<FoundCheck | null> {
  if (!idSchema.safeParse(annotationId).success) return null;
  return cachedUnlessMissing(
    async () => {
      const found = await findPublicCheck({ annotationId, urls });
      return found.kind === "missing" ? null : found;
    },
    ["public-check", annotationId, urls.baseUrl, urls.checkBaseUrl],
    [checkTag(annotationId)],
  );
}

/** An article's public reading view data; null when it has no public check. */
export async function cachedPublicArticle(articleId: string): Promise<PublicArticle | null> {
  if (!idSchema.safeParse(articleId).success) return null;
  return cachedUnlessMissing(
    () => findPublicArticle({ articleId }),
    ["public-article", articleId],
    [articleTag(articleId)],
  );
}

export async function cachedFeed() {
  await hearing();
  return unstable_cache(() => listPublicChecks({ limit: FEED_LIMIT }), ["public-feed"], {
    tags: [PUBLIC_TAG, LIST_TAG],
    revalidate: REVALIDATE_SECONDS,
  })();
}

export async function cachedSitemap() {
  await hearing();
  return unstable_cache(() => listPublicPages({ limit: SITEMAP_LIMIT }), ["public-sitemap"], {
    tags: [PUBLIC_TAG, LIST_TAG],
    revalidate: REVALIDATE_SECONDS,
  })();
}
