import { createNote, listNotes } from "@/lib/annotations/notes";
import { getActor, getReadActor } from "@/lib/auth/session";
import { created, jsonRoute, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string }> };

/** GET /api/annotations/:id/notes — the thread, oldest first; replies carry `parentId`. */
export const GET = jsonRoute(async (request, { params }: Context) => ({
  notes: await listNotes({ actor: await getReadActor(request), annotationId: (await params).id }),
}));

/** POST /api/annotations/:id/notes — `{ body, parentId? }`. */
export const POST = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return created(await createNote({ actor, annotationId: (await params).id, input }));
});
