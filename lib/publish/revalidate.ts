import { revalidateTag } from "next/cache";
import { articleTag, checkTag, LIST_TAG, PUBLIC_TAG } from "./tags";

/** What changed in public: some checks (and the article they are on), or everything (a setting). */
export type PublicChange = { annotationIds: (string | null)[]; articleId: string } | "everything";

/**
 * Drops the cached public pages a change touches, on this instance, at once (`expire: 0`: the next
 * reader gets the new version, not a stale one while it refreshes). Called after the change is
 * committed. Other instances catch up within the cache's expiry (lib/publish/cache.ts), and a CDN
 * within the responses' s-maxage. Outside a Next request (the command line, tests) there is no
 * cache to drop, and nothing to do.
 */
export function revalidatePublicPages(change: PublicChange) {
  const tags =
    change === "everything"
      ? [PUBLIC_TAG]
      : [
          ...change.annotationIds.filter((id): id is string => id !== null).map(checkTag),
          articleTag(change.articleId),
          LIST_TAG,
        ];
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("Invariant: static generation store missing")))
        throw error;
    }
  }
}
