import { cachedSitemap } from "@/lib/publish/cache";
import { sitemap } from "@/lib/publish/render/feeds";
import { publicResponse, publicUrlsFor } from "@/lib/publish/respond";

// Read at request time through the data cache (lib/publish/cache.ts), never built into a file: the
// build has no database, and revalidation must reach it.
export const dynamic = "force-dynamic";

/** GET /sitemap.xml — every public check page and reading view. */
export async function GET(request: Request) {
  return publicResponse(sitemap(await cachedSitemap(), publicUrlsFor(request)), "application/xml; charset=utf-8");
}
