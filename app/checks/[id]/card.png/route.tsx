import { ImageResponse } from "next/og";
import { VerdictCardImage } from "@/components/public/VerdictCardImage";
import { cachedPublicCheck } from "@/lib/publish/cache";
import { notFoundPage } from "@/lib/publish/render/check-page";
import { checkPath } from "@/lib/publish/render/document";
import { HTML, PUBLIC_CACHE_CONTROL, publicResponse, publicUrlsFor } from "@/lib/publish/respond";

/** GET /checks/:id/card.png — the verdict card as a 1200×630 PNG, for Open Graph and Twitter cards. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const urls = publicUrlsFor(request);
  const found = await cachedPublicCheck((await params).id, urls);
  if (found?.kind === "moved")
    return publicResponse("", HTML, 301, { location: `${checkPath(urls, found.to)}/card.png` });
  if (found?.kind !== "check") return publicResponse(notFoundPage(urls), HTML, found ? 410 : 404);
  return new ImageResponse(<VerdictCardImage check={found.check} />, {
    width: 1200,
    height: 630,
    headers: { "cache-control": PUBLIC_CACHE_CONTROL },
  });
}
