import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { retractPublishedCheck } from "@/lib/publish/retract";

/** POST /api/annotations/:id/retraction — `{ note, version }`: withdraws a published check (editors and admins); its public page then answers 410. */
export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return retractPublishedCheck({ actor, annotationId: (await params).id, input });
});
