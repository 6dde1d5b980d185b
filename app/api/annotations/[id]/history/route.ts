import { listAnnotationHistory } from "@/lib/annotations/annotations";
import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";

/** GET /api/annotations/:id/history — every audited change, oldest first. */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => ({
  history: await listAnnotationHistory({ actor: await getReadActor(request), annotationId: (await params).id }),
}));
