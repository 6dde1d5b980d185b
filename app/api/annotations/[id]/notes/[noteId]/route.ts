import { deleteNote, updateNote } from "@/lib/annotations/notes";
import { getActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";

type Context = { params: Promise<{ id: string; noteId: string }> };

/** PATCH /api/annotations/:id/notes/:noteId — `{ body, version }`; the note's author only; a stale version gets 409 with `details.current`. */
export const PATCH = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  const { id, noteId } = await params;
  return updateNote({ actor, annotationId: id, noteId, input });
});

/** DELETE /api/annotations/:id/notes/:noteId[?version=N] — soft delete; the note's author only; a stale version gets 409. */
export const DELETE = jsonRoute(async (request, { params }: Context) => {
  const { id, noteId } = await params;
  const version = new URL(request.url).searchParams.get("version");
  return deleteNote({ actor: await getActor(), annotationId: id, noteId, input: version === null ? {} : { version } });
});
