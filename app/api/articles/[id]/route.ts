import { getArticle } from "@/lib/articles/queries";
import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";

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
