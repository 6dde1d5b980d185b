import { getActor } from "@/lib/auth/session";
import { readJson, jsonRoute } from "@/lib/http/responses";
import { IMPORT_LIMITS, importAnnotations } from "@/lib/import/import";

/**
 * POST /api/articles/:id/import[?skipUnanchored=true][&defaultVerdict=key] — the body is a
 * factmark.v1 or W3C file. Answers the report; 400/409 list every problem with its item index.
 */
export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  // Strings are checked per item, so the report lists each annotation with a NUL or broken character.
  const document = actor ? await readJson(request, IMPORT_LIMITS.bytes, { checkStrings: false }) : null;
  const query = new URL(request.url).searchParams;
  return importAnnotations({
    actor,
    articleId: (await params).id,
    document,
    options: {
      skipUnanchored: query.get("skipUnanchored") ?? undefined,
      defaultVerdict: query.get("defaultVerdict") ?? undefined,
    },
  });
});
