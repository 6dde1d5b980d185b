import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { IMPORT_LIMITS } from "@/lib/import/import";
import { importReferenceChecks } from "@/lib/references/references";

/**
 * POST /api/references/import — the body is ClaimReview JSON-LD (one, a list, or an @graph).
 * Editors and admins. Answers `{ imported, updated, unchanged, total }`; 400 lists every item's problems.
 */
export const POST = jsonRoute(async (request) => {
  const actor = await getActor();
  // Strings are checked per item, so the report names each item with a NUL or broken character.
  const document = actor ? await readJson(request, IMPORT_LIMITS.bytes, { checkStrings: false }) : null;
  return importReferenceChecks({ actor, document });
});
