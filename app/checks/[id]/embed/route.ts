import { cachedPublicCheck } from "@/lib/publish/cache";
import { gonePage, notFoundPage } from "@/lib/publish/render/check-page";
import { checkPath } from "@/lib/publish/render/document";
import { embedPage } from "@/lib/publish/render/embed";
import { HTML, publicResponse, publicUrlsFor } from "@/lib/publish/respond";

/** GET /checks/:id/embed — the compact verdict card other sites may frame (the only framable route). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const urls = publicUrlsFor(request);
  const found = await cachedPublicCheck((await params).id, urls);
  if (!found) return publicResponse(notFoundPage(urls), HTML, 404);
  if (found.kind === "moved") return publicResponse("", HTML, 301, { location: `${checkPath(urls, found.to)}/embed` });
  if (found.kind === "gone") return publicResponse(gonePage(found, urls), HTML, 410);
  return publicResponse(embedPage(found.check, urls), HTML);
}
