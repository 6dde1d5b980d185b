import { getActor } from "@/lib/auth/session";
import { created, jsonRoute, readJson } from "@/lib/http/responses";
import { startCorrection } from "@/lib/reviews/corrections";

/** POST /api/annotations/:id/corrections — `{ note }`: a DRAFT correction of a published annotation (201); 409 if it is not published or one is under way. */
export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return created(await startCorrection({ actor, annotationId: (await params).id, input }));
});
