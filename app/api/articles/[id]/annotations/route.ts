import { createAnnotation, listAnnotationsForArticle } from "@/lib/annotations/annotations";
import { getActor, getReadActor } from "@/lib/auth/session";
import { created, jsonRoute, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string }> };

/** GET /api/articles/:id/annotations — the article's live annotations in text order. */
export const GET = jsonRoute(async (request, { params }: Context) => ({
  annotations: await listAnnotationsForArticle({ actor: await getReadActor(request), articleId: (await params).id }),
}));

/** POST /api/articles/:id/annotations — create; answers 201 with the annotation, its id and version. */
export const POST = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return created(await createAnnotation({ actor, articleId: (await params).id, input }));
});
