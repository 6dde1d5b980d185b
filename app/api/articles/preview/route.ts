import { previewArticleBody } from "@/lib/articles/articles";
import { ARTICLE_JSON_BYTES } from "@/lib/articles/body/parse";
import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";

/** POST /api/articles/preview — `{ format, body }` → `{ value, text }` as it would be saved; writes nothing. */
export const POST = jsonRoute(async (request) => {
  const actor = await getActor();
  const input = actor ? await readJson(request, ARTICLE_JSON_BYTES) : null;
  return previewArticleBody({ actor, input });
});
