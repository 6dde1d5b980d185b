import { reviseArticle } from "@/lib/articles/articles";
import { ARTICLE_JSON_BYTES } from "@/lib/articles/body/parse";
import { listRevisions } from "@/lib/articles/revisions";
import { getActor, getReadActor } from "@/lib/auth/session";
import { created, jsonRoute, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string }> };

/** GET /api/articles/:id/revisions — newest first. */
export const GET = jsonRoute(async (request, { params }: Context) => ({
  revisions: await listRevisions({ actor: await getReadActor(request), articleId: (await params).id }),
}));

/**
 * POST /api/articles/:id/revisions — `{ format, body }` → 201 `{ revisionId, number, annotations: [{ annotationId,
 * method, confidence, orphaned, reason? }] }`.
 */
export const POST = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request, ARTICLE_JSON_BYTES) : null;
  return created(await reviseArticle({ actor, articleId: (await params).id, input }));
});
