import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { reportEditing } from "@/lib/live/presence";

/** POST /api/events/presence with `{ streamId, editing }` — which annotation this tab is editing (null: none). */
export const POST = jsonRoute(async (request) => {
  const actor = await getActor();
  return reportEditing({ actor, input: actor ? await readJson(request) : null });
});
