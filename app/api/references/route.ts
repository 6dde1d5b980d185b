import { getActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";
import { listReferenceChecks } from "@/lib/references/references";

/** GET /api/references — the workspace's reference checks, newest first. Editors and admins. */
export const GET = jsonRoute(async () => ({ references: await listReferenceChecks({ actor: await getActor() }) }));
