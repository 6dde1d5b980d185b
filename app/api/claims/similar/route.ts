import { getReadActor } from "@/lib/auth/session";
import { queryObject } from "@/lib/http/query-params";
import { jsonRoute } from "@/lib/http/responses";
import { findSimilarClaims } from "@/lib/search/similar";

/** GET /api/claims/similar?text=<claim>[&claimant=][&limit=][&exclude=<annotationId>] → `{ matches }`, best first. A session or a bearer API token. */
export const GET = jsonRoute(async (request) =>
  findSimilarClaims({ actor: await getReadActor(request), query: queryObject(new URL(request.url).searchParams) }),
);
