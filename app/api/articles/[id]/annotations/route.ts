import {
  createAnnotationForSession,
  listAnnotationsBody,
  listAnnotationsBodyForSession,
} from "@/lib/annotations/annotations";
import { getReadActor, getSessionClaims } from "@/lib/auth/session";
import { created, jsonRoute, jsonText, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/articles/:id/annotations — the article's live annotations in text order, as the JSON
 * text PostgreSQL wrote (sent unparsed). A session's actor is read in the list's own statement
 * (one round trip); an API token is read first.
 */
export const GET = jsonRoute(async (request, { params }: Context) => {
  const articleId = (await params).id;
  const claims = request.headers.has("authorization") ? null : await getSessionClaims();
  return jsonText(
    claims
      ? await listAnnotationsBodyForSession({ claims, articleId })
      : await listAnnotationsBody({ actor: await getReadActor(request), articleId }),
  );
});

/**
 * POST /api/articles/:id/annotations — create; answers 201 with the annotation, its id and
 * version. The session's actor is read in the create's own first statement (two round trips).
 */
export const POST = jsonRoute(async (request, { params }: Context) => {
  const articleId = (await params).id;
  const claims = await getSessionClaims();
  return created(await createAnnotationForSession({ claims, articleId, readInput: () => readJson(request) }));
});
