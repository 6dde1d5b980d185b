import { getReadActor } from "@/lib/auth/session";
import { queryObject } from "@/lib/http/query-params";
import { jsonRoute } from "@/lib/http/responses";
import { searchWorkspace } from "@/lib/search/search";

/**
 * GET /api/search?q=&type=&verdict=&status=&reviewer=&claimant=&outlet=&from=&to=&cursor=&limit=
 * → `{ results, facets, nextCursor }`. A session or a bearer API token.
 */
export const GET = jsonRoute(async (request) =>
  searchWorkspace({ actor: await getReadActor(request), query: queryObject(new URL(request.url).searchParams) }),
);
