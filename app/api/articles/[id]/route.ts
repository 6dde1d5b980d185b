import { updateArticle } from "@/lib/articles/articles";
import { getArticle } from "@/lib/articles/queries";
import { getActor, getReadActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";

/** GET /api/articles/:id — metadata, current revisionId, canonical text and Slate value. */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const article = await getArticle({ actor: await getReadActor(request), articleId: (await params).id });
  const { revision, ...metadata } = article;
  return {
    ...metadata,
    revisionId: revision.id,
    revisionNumber: revision.number,
    textHash: revision.textHash,
    text: revision.text,
    value: revision.body,
  };
});

/** PATCH /api/articles/:id — metadata: `{ title?, outlet?, author?, url?, publishedAt?, section? }`. Editors and admins. */
export const PATCH = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return updateArticle({ actor, articleId: (await params).id, input });
});
