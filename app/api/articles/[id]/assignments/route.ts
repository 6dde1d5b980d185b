import { getActor, getReadActor } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/responses";
import { listAssignments, setAssignments } from "@/lib/assignments/assignments";

type Context = { params: Promise<{ id: string }> };

/** GET /api/articles/:id/assignments — `{ assignments: [{ userId, name, dueOn }] }`. */
export const GET = jsonRoute(async (request, { params }: Context) => ({
  assignments: await listAssignments({ actor: await getReadActor(request), articleId: (await params).id }),
}));

/** POST /api/articles/:id/assignments with `{ assignments: [{ userId, dueOn? }] }` — the whole list (editors). */
export const POST = jsonRoute(async (request, { params }: Context) => {
  const actor = await getActor();
  const input = actor ? await readJson(request) : null;
  return { assignments: await setAssignments({ actor, articleId: (await params).id, input }) };
});
