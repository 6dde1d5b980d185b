import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http/responses";
import { cachedPublicCheck } from "@/lib/publish/cache";
import { oembedFor } from "@/lib/publish/render/embed";
import { parseOembedRequest } from "@/lib/publish/oembed";
import { PUBLIC_CACHE_CONTROL, publicUrlsFor } from "@/lib/publish/respond";
import { notFound } from "@/lib/errors";

/** GET /api/oembed?url=<check page>[&maxwidth=][&maxheight=][&format=json] — oEmbed JSON for a public check (no sign-in). */
export const GET = jsonRoute(async (request) => {
  const urls = publicUrlsFor(request);
  const query = parseOembedRequest(Object.fromEntries(new URL(request.url).searchParams), urls);
  let found = await cachedPublicCheck(query.annotationId, urls);
  // A superseded check's page redirects to its correction; so does its embed.
  if (found?.kind === "moved") found = await cachedPublicCheck(found.to, urls);
  if (found?.kind !== "check") throw notFound("Published check");
  return NextResponse.json(oembedFor(found.check, urls, { width: query.maxwidth, height: query.maxheight }), {
    headers: { "cache-control": PUBLIC_CACHE_CONTROL, "access-control-allow-origin": "*" },
  });
});
