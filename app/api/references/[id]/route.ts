import { getActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";
import { removeReferenceCheck } from "@/lib/references/references";

/** DELETE /api/references/:id — editors and admins. */
export const DELETE = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  removeReferenceCheck({ actor: await getActor(), referenceId: (await params).id }),
);
