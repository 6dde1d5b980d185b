import { getRevision } from "@/lib/articles/revisions";
import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";

/** GET /api/articles/:id/revisions/:number — an old revision's text and Slate value. */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ id: string; number: string }> }) => {
  const { id, number } = await params;
  const revision = await getRevision({ actor: await getReadActor(request), articleId: id, number });
  return {
    revisionId: revision.id,
    number: revision.number,
    textHash: revision.textHash,
    text: revision.text,
    value: revision.body,
    createdAt: revision.createdAt,
  };
});
