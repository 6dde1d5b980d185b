import { setPlacement } from "@/lib/annotations/placement";
import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";

/**
 * POST /api/annotations/:id/placement — `{ action: "place", version, revisionId, start, end, quote }`, `{ action:
 * "confirm", version }` or `{ action: "dismiss", version }`.
 */
export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return setPlacement({ actor, annotationId: (await params).id, input });
});
