import { cachedFeed } from "@/lib/publish/cache";
import { atomFeed } from "@/lib/publish/render/feeds";
import { publicResponse, publicUrlsFor } from "@/lib/publish/respond";

/** GET /checks/feed.xml — Atom feed of the 50 newest published checks. */
export async function GET(request: Request) {
  return publicResponse(atomFeed(await cachedFeed(), publicUrlsFor(request)), "application/atom+xml; charset=utf-8");
}
