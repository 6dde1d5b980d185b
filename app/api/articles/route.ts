import { createArticle } from "@/lib/articles/articles";
import { ARTICLE_JSON_BYTES } from "@/lib/articles/body/parse";
import { listArticles } from "@/lib/articles/queries";
import { getActor, getReadActor } from "@/lib/auth/session";
import { created, jsonRoute, readJson } from "@/lib/http/responses";

/** GET /api/articles — the signed-in user's workspace's articles with counts. */
export const GET = jsonRoute(async (request) => ({
  articles: await listArticles({ actor: await getReadActor(request) }),
}));

/** POST /api/articles — `{ title, outlet?, author?, url?, publishedAt?, section?, format, body }` → 201 `{ id, revisionId }`. */
export const POST = jsonRoute(async (request) => {
  const actor = await getActor();
  const input = actor ? await readJson(request, ARTICLE_JSON_BYTES) : null;
  return created(await createArticle({ actor, input }));
});
