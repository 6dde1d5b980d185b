import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { listArticles } from "@/lib/articles/queries";
import { listMyWorkspaces, switchWorkspace } from "@/lib/workspaces/switch";
import { actorFor, createArticle, createWorkspace } from "../support/factories";

// Item 10 of #16: a person in several workspaces chooses where they act; the choice lives in the
// database and the actor (lib/auth/actor.ts) reads it on every request.

/** A reviewer of desk A who is also an editor of desk B (joined later), each desk with one article. */
async function twoDesks() {
  const a = await createWorkspace("Desk A");
  const b = await createWorkspace("Desk B");
  const person = a.reviewer;
  await db.membership.create({ data: { workspaceId: b.workspace.id, userId: person.userId, role: "EDITOR" } });
  const inA = await createArticle({ workspaceId: a.workspace.id, title: "Only on desk A" });
  const inB = await createArticle({ workspaceId: b.workspace.id, title: "Only on desk B" });
  return { a, b, person, inA, inB };
}

const memberships = (userId: string) => db.membership.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("workspace switcher", () => {
  it("acts in the workspace joined first until the person switches; then lib answers from the chosen one, with its role", async () => {
    const { a, b, person, inA, inB } = await twoDesks();
    const first = await actorFor(person.userId);
    expect(first).toMatchObject({ workspaceId: a.workspace.id, role: "REVIEWER" });
    expect((await listArticles({ actor: first })).map((x) => x.id)).toEqual([inA.id]);
    expect(await listMyWorkspaces({ actor: first })).toEqual([
      { id: a.workspace.id, name: "Desk A", role: "REVIEWER", current: true },
      { id: b.workspace.id, name: "Desk B", role: "EDITOR", current: false },
    ]);

    expect(await switchWorkspace({ actor: first, input: { workspaceId: b.workspace.id } })).toEqual({
      id: b.workspace.id,
      name: "Desk B",
      role: "EDITOR",
    });
    const switched = await actorFor(person.userId);
    expect(switched).toMatchObject({ workspaceId: b.workspace.id, workspaceName: "Desk B", role: "EDITOR" });
    expect((await listArticles({ actor: switched })).map((x) => x.id)).toEqual([inB.id]);
    expect((await listMyWorkspaces({ actor: switched })).find((w) => w.current)?.id).toBe(b.workspace.id);

    // And back: the latest choice wins.
    await switchWorkspace({ actor: switched, input: { workspaceId: a.workspace.id } });
    expect(await actorFor(person.userId)).toMatchObject({ workspaceId: a.workspace.id, role: "REVIEWER" });
  });

  it(
    "refuses a workspace the person is not an active member of (404), a malformed id (400), " +
      "no session (401) and a token (403), changing nothing",
    async () => {
      const { a, b, person } = await twoDesks();
      const stranger = await createWorkspace("Somebody else's desk");
      const actor = await actorFor(person.userId);
      const before = await memberships(person.userId);

      const refusal = (promise: Promise<unknown>) =>
        promise.then(
          () => "success",
          (error: { code?: string }) => error.code,
        );
      expect(await refusal(switchWorkspace({ actor, input: { workspaceId: stranger.workspace.id } }))).toBe(
        "NOT_FOUND",
      );
      expect(await refusal(switchWorkspace({ actor, input: { workspaceId: "not an id" } }))).toBe("BAD_REQUEST");
      expect(await refusal(switchWorkspace({ actor, input: { workspaceId: b.workspace.id, extra: 1 } }))).toBe(
        "BAD_REQUEST",
      );
      expect(await refusal(switchWorkspace({ actor: null, input: { workspaceId: b.workspace.id } }))).toBe(
        "UNAUTHENTICATED",
      );
      expect(
        await refusal(switchWorkspace({ actor: { ...actor, tokenId: "t" }, input: { workspaceId: b.workspace.id } })),
      ).toBe("FORBIDDEN");
      // Deactivated on desk B: switching there is as if it did not exist.
      await db.membership.updateMany({
        where: { userId: person.userId, workspaceId: b.workspace.id },
        data: { deactivatedAt: new Date() },
      });
      const deactivatedBefore = await memberships(person.userId);
      expect(await refusal(switchWorkspace({ actor, input: { workspaceId: b.workspace.id } }))).toBe("NOT_FOUND");

      expect(await memberships(person.userId)).toEqual(deactivatedBefore);
      expect(before.map((m) => m.chosenAt)).toEqual([null, null]);
      expect(await actorFor(person.userId)).toMatchObject({ workspaceId: a.workspace.id });
      expect((await listMyWorkspaces({ actor })).map((w) => w.id)).toEqual([a.workspace.id]);
    },
  );

  it("falls back to the next active membership when the chosen one is deactivated", async () => {
    const { a, b, person } = await twoDesks();
    await switchWorkspace({ actor: await actorFor(person.userId), input: { workspaceId: b.workspace.id } });
    await db.membership.updateMany({
      where: { userId: person.userId, workspaceId: b.workspace.id },
      data: { deactivatedAt: new Date() },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toMatchObject({
      workspaceId: a.workspace.id,
      role: "REVIEWER",
    });
  });
});
