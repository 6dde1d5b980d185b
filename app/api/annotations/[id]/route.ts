import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { getActor, getReadActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string }> };

/** GET /api/annotations/:id */
export const GET = jsonRoute(async (request, { params }: Context) =>
  getAnnotation({ actor: await getReadActor(request), annotationId: (await params).id }),
);

/** PATCH /api/annotations/:id — `{ version, ...fields }`; a stale version gets 409 with `details.current`. */
export const PATCH = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return updateAnnotation({ actor, annotationId: (await params).id, input });
});

/** DELETE /api/annotations/:id[?version=N] — soft delete. */
export const DELETE = jsonRoute(async (request, { params }: Context) => {
  const version = new URL(request.url).searchParams.get("version");
  return deleteAnnotation({
    actor: await getActor(),
    annotationId: (await params).id,
    input: version === null ? {} : { version },
  });
});
