import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { changeAnnotationStatus } from "@/lib/reviews/status";

/** POST /api/annotations/:id/status — `{ status, comment?, version }`: 409 for a transition the status does not allow, 403 for the role. */
export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return changeAnnotationStatus({ actor, annotationId: (await params).id, input });
});
