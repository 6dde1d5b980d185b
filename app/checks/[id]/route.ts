import { cachedPublicCheck } from "@/lib/publish/cache";
import { checkPage, gonePage, notFoundPage } from "@/lib/publish/render/check-page";
import { checkPath } from "@/lib/publish/render/document";
import { HTML, publicResponse, publicUrlsFor } from "@/lib/publish/respond";

/**
 * GET /checks/:id — a published check's public page (no sign-in). A superseded version redirects
 * (301) to its correction, a withdrawn check is 410, anything else not public 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const urls = publicUrlsFor(request);
  const found = await cachedPublicCheck((await params).id, urls);
  if (!found) return publicResponse(notFoundPage(urls), HTML, 404);
  if (found.kind === "moved") return publicResponse("", HTML, 301, { location: checkPath(urls, found.to) });
  if (found.kind === "gone") return publicResponse(gonePage(found, urls), HTML, 410);
  return publicResponse(checkPage(found.check, urls), HTML);
}
