import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getHeaderContext } from "@/lib/shell/header";
import { countUnread } from "@/lib/notifications/inbox";
import { listMyWorkspaces } from "@/lib/workspaces/switch";
import { covers, decodePosition } from "@/lib/live/position";
import { readSnapshot } from "@/lib/live/log";
import { actorFor, createArticle, createWorkspace } from "../support/factories";

// The header's one statement (#15) answers what listMyWorkspaces and countUnread answer.
describe("header context", () => {
  it("equals listMyWorkspaces and countUnread: several desks, read and unread, other desks' and others' notifications", async () => {
    const a = await createWorkspace("Desk A");
    const b = await createWorkspace("Desk B");
    const person = a.reviewer;
    await db.membership.create({ data: { workspaceId: b.workspace.id, userId: person.userId, role: "EDITOR" } });
    const article = await createArticle({ workspaceId: a.workspace.id });
    const other = await createArticle({ workspaceId: b.workspace.id });
    const note = (userId: string, workspaceId: string, articleId: string, readAt: Date | null = null) => ({
      userId,
      workspaceId,
      articleId,
      kind: "mention",
      text: "a note",
      readAt,
    });
    await db.notification.createMany({
      data: [
        note(person.userId, a.workspace.id, article.id),
        note(person.userId, a.workspace.id, article.id),
        note(person.userId, a.workspace.id, article.id, new Date()),
        note(person.userId, b.workspace.id, other.id),
        note(a.editor.userId, a.workspace.id, article.id),
      ],
    });
    for (const userId of [person.userId, a.editor.userId, b.editor.userId]) {
      const actor = await actorFor(userId);
      const before = await readSnapshot();
      const context = await getHeaderContext({ actor });
      expect(context.workspaces).toEqual(await listMyWorkspaces({ actor }));
      expect(context.unread).toBe(await countUnread({ actor }));
      // The position is a snapshot taken with the count, no older than one taken before it.
      expect(covers(decodePosition(context.since)!, before)).toBe(true);
    }
    expect((await getHeaderContext({ actor: await actorFor(person.userId) })).unread).toBe(2);
  });

  it("refuses no session (401)", async () => {
    await expect(getHeaderContext({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
