import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";
import { listColleagues } from "@/lib/people/members";

/** GET /api/members — `{ members: [{ id, name }] }`: the workspace's active members (mention autocomplete). */
export const GET = jsonRoute(async (request) => ({
  members: await listColleagues({ actor: await getReadActor(request) }),
}));
