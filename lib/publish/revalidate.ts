import { revalidateTag } from "next/cache";
import type { Prisma } from "../db/generated/client";
import { instanceId } from "../live/instance";
import { PURGE_CHANNEL } from "../live/listener";
import { articleTag, checkTag, LIST_TAG, PUBLIC_TAG } from "./tags";

/** What changed in public: some checks (and the article they are on), or everything (a setting). */
export type PublicChange = { annotationIds: (string | null)[]; articleId: string } | "everything";

const tagsOf = (change: PublicChange): string[] =>
  change === "everything"
    ? [PUBLIC_TAG]
    : [
        ...change.annotationIds.filter((id): id is string => id !== null).map(checkTag),
        articleTag(change.articleId),
        LIST_TAG,
      ];

/**
 * Tells every other instance to drop the cached public pages a change touches, over the live
 * desk's LISTEN bus (lib/live/hub.ts). Called inside the change's transaction: NOTIFY is delivered
 * when it commits and never if it rolls back, so no instance purges for a change that did not
 * happen, and none misses one that did while its listening connection is up (after an outage it
 * drops every public page). The payload is the tags and the sending instance, which drops its own
 * after the commit (revalidatePublicPages).
 */
export async function announcePublicChange(tx: Prisma.TransactionClient, change: PublicChange): Promise<void> {
  const payload = JSON.stringify({ from: instanceId(), tags: tagsOf(change) });
  await tx.$executeRaw`SELECT pg_notify(${PURGE_CHANNEL}, ${payload})`;
}

/**
 * Drops the cached public pages a change touches, on this instance, at once (`expire: 0`: the next
 * reader gets the new version, not a stale one while it refreshes). Called after the change is
 * committed; the other instances hear of it through announcePublicChange. Outside a Next request
 * (the command line, tests) there is no cache to drop, and nothing to do. A route handler runs
 * `revalidateTag` only after its response has gone, so a reader who follows the response at once
 * (an editor opening the corrected check) could get the old page: the tags are also dropped here,
 * before the caller answers.
 */
export async function revalidatePublicPages(change: PublicChange): Promise<void> {
  const tags = tagsOf(change);
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("Invariant: static generation store missing")))
        throw error;
    }
  }
  await dropTagsHere(tags);
}

type TagCache = { revalidateTag: (tags: string[], durations?: { expire?: number }) => Promise<void> };

/**
 * Drops tags outside any request (the listener's callback), where `revalidateTag` has no request to
 * attach to: through the server's incremental cache, which Next keeps on globalThis and whose tag
 * manifest every request of this process reads. An instance that has served no page has none, and
 * nothing cached to drop.
 */
async function dropTagsHere(tags: string[]): Promise<void> {
  const cache = (globalThis as { __incrementalCache?: TagCache }).__incrementalCache;
  await cache
    ?.revalidateTag(tags, { expire: 0 })
    .catch((error) => console.warn("publish: dropping tags failed", error));
}

const purgeNoticeTags = (payload: string, self: string): string[] => {
  try {
    const notice = JSON.parse(payload) as { from?: unknown; tags?: unknown };
    if (notice.from === self || !Array.isArray(notice.tags)) return [];
    return notice.tags.filter((tag): tag is string => typeof tag === "string" && tag.startsWith(PUBLIC_TAG));
  } catch {
    return [];
  }
};

/** A purge notice from the bus: drops its tags here unless this instance sent it (it dropped them itself). */
export function applyPurgeNotice(payload: string, self: string) {
  const tags = purgeNoticeTags(payload, self);
  if (tags.length) void dropTagsHere(tags);
}

/** Drops every public page here: after the bus was down, when notices may have been missed. */
export const dropEveryPublicPage = () => dropTagsHere([PUBLIC_TAG]);
