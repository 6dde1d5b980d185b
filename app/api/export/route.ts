import { getReadActor } from "@/lib/auth/session";
import { exportAnnotations } from "@/lib/export/export";
import { exportUrls } from "@/lib/export/urls";
import { queryObject } from "@/lib/http/query-params";
import { jsonRoute, streamResponse } from "@/lib/http/responses";

/**
 * GET /api/export?format=native|w3c|claimreview[&article=][&status=][&verdict=][&from=][&to=][&page=][&download=1]
 * Streams the workspace's (or one article's) annotations. A session or a bearer API token.
 */
export const GET = jsonRoute(async (request) => {
  const url = new URL(request.url);
  const query = queryObject(url.searchParams);
  const document = await exportAnnotations({ actor: await getReadActor(request), query, urls: exportUrls(url.origin) });
  return streamResponse(document.chunks, {
    "content-type": document.contentType,
    "x-total-count": String(document.total),
    ...(url.searchParams.has("download")
      ? { "content-disposition": `attachment; filename="${document.filename}"` }
      : {}),
  });
});
