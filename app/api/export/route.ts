import { getReadActor } from "@/lib/auth/session";
import { exportAnnotations } from "@/lib/export/export";
import { exportUrls } from "@/lib/export/urls";
import { jsonRoute, streamResponse } from "@/lib/http/responses";

/**
 * GET /api/export?format=native|w3c|claimreview[&article=][&status=][&verdict=][&from=][&to=][&page=][&download=1]
 * Streams the workspace's (or one article's) annotations. A session or a bearer API token.
 */
export const GET = jsonRoute(async (request) => {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  // An empty field of the export form means "no filter".
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((value) => value !== "");
    if (values.length > 0) query[key] = values.length > 1 ? values : values[0];
  }
  const document = await exportAnnotations({ actor: await getReadActor(request), query, urls: exportUrls(url.origin) });
  return streamResponse(document.chunks, {
    "content-type": document.contentType,
    "x-total-count": String(document.total),
    ...(url.searchParams.has("download") ? { "content-disposition": `attachment; filename="${document.filename}"` } : {}),
  });
});
