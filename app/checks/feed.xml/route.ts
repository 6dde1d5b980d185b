import { cachedFeed } from "@/lib/publish/cache";
import { atomFeed } from "@/lib/publish/render/feeds";
import { publicResponse, publicUrlsFor } from "@/lib/publish/respond";

// Read at request time through the data cache (lib/publish/cache.ts), never built into a file: the
// build has no database, and revalidation must reach it.
export const dynamic = "force-dynamic";

/** GET /checks/feed.xml — Atom feed of the 50 newest published checks. */
export async function GET(request: Request) {
  return publicResponse(atomFeed(await cachedFeed(), publicUrlsFor(request)), "application/atom+xml; charset=utf-8");
}
