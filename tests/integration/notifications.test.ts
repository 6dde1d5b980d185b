import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createNote } from "@/lib/annotations/notes";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/inbox";
import {
  countOverdueAssignments,
  listAssignments,
  listMyAssignments,
  setAssignments,
} from "@/lib/assignments/assignments";
import { openEventStream } from "@/lib/live/stream";
import { liveHub } from "@/lib/live/hub";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createUser } from "../support/factories";
import { deskWithArticle } from "../support/live-desk";
import { collectSse } from "../support/sse";

afterAll(async () => {
  await liveHub().stop();
});

const desk = deskWithArticle;

const kinds = async (actor: Actor) => (await listNotifications({ actor })).notifications.map((n) => n.kind);

describe("notifications", () => {
  it("tells the mentioned, the author of a decision and the person asked for a second opinion; never the actor; live on the own stream", async () => {
    const d = await desk();
    const editorName = (await db.user.findUniqueOrThrow({ where: { id: d.editor.userId } })).name;
    const controller = new AbortController();
    const own = collectSse(
      (
        await openEventStream({
          actor: d.reviewer,
          articleId: null,
          since: null,
          lastEventId: null,
          signal: controller.signal,
        })
      ).body!,
    );
    await own.until((m) => m.event === "ready");

    const a = await d.annotate(d.reviewer);
    await createNote({
      actor: d.editor,
      annotationId: a.id,
      input: { body: `@${d.reviewer.name} please add the source; cc @${editorName}` },
    });
    await changeAnnotationStatus({ actor: d.reviewer, annotationId: a.id, input: { status: "SUBMITTED", version: 1 } });
    await changeAnnotationStatus({
      actor: d.editor,
      annotationId: a.id,
      input: { status: "CHANGES_REQUESTED", version: 2, comment: "Which table?" },
    });
    expect(await kinds(d.reviewer)).toEqual(["changes_requested", "mention"]);
    expect(await kinds(d.editor)).toEqual([]);
    const inbox = await listNotifications({ actor: d.reviewer });
    expect(inbox.unread).toBe(2);
    expect(inbox.notifications[0]).toMatchObject({
      text: "Which table?",
      href: `/articles/${d.article.id}?annotation=${a.id}`,
      article: { id: d.article.id },
    });
    await own.until((m) => m.event === "notification" && (m.data as { kind: string }).kind === "changes_requested");

    const second = await actorFor((await createUser({ workspaceId: d.workspace.id, role: "REVIEWER" })).id);
    await requestSecondOpinion({
      actor: d.editor,
      articleId: d.article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: second.userId },
    });
    expect(await kinds(second)).toEqual(["second_opinion"]);
    // Blinded: the reviewer's mention of the other on her own (hidden) work tells them nothing.
    await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: `@${second.name} look` } });
    expect(await kinds(second)).toEqual(["second_opinion"]);

    expect(await markNotificationsRead({ actor: d.reviewer, input: { ids: [inbox.notifications[0].id] } })).toEqual({
      unread: 1,
    });
    // Someone else's ids are ignored.
    expect(await markNotificationsRead({ actor: second, input: { ids: [inbox.notifications[1].id] } })).toEqual({
      unread: 1,
    });
    expect(await markNotificationsRead({ actor: d.reviewer, input: { all: true } })).toEqual({ unread: 0 });
    controller.abort();
    await own.close();
  });

  it("refuses no session (401), tokens (403) and malformed input (400), changing nothing", async () => {
    const d = await desk();
    await expect(listNotifications({ actor: null })).rejects.toMatchObject({ status: 401 });
    await expect(listNotifications({ actor: { ...d.reviewer, tokenId: "t" } })).rejects.toMatchObject({ status: 403 });
    for (const input of [{}, { ids: [] }, { ids: ["x"] }, { all: false }, { all: true, ids: [] }]) {
      await expect(markNotificationsRead({ actor: d.reviewer, input })).rejects.toMatchObject({ status: 400 });
    }
  });
});

describe("assignments", () => {
  it("editors assign reviewers with due days; the assigned are told, see it in My work, and the dashboard counts the overdue", async () => {
    const d = await desk();
    const now = new Date("2026-12-10T12:00:00Z");
    const saved = await setAssignments({
      actor: d.editor,
      articleId: d.article.id,
      input: { assignments: [{ userId: d.reviewer.userId, dueOn: "2026-12-09" }, { userId: d.admin.userId }] },
    });
    expect(saved.map((a) => [a.userId, a.dueOn])).toEqual([
      [d.reviewer.userId, "2026-12-09"],
      [d.admin.userId, null],
    ]);
    expect(await kinds(d.reviewer)).toEqual(["assigned"]);
    expect(await listMyAssignments({ actor: d.reviewer, now })).toEqual([
      { article: { id: d.article.id, title: d.article.title }, dueOn: "2026-12-09", overdue: true },
    ]);
    expect(await countOverdueAssignments({ actor: d.editor, now })).toBe(1);
    expect(await countOverdueAssignments({ actor: d.editor, now: new Date("2026-12-09T23:00:00Z") })).toBe(0);
    // The list is the whole list: leaving someone out unassigns them, and nobody is told twice.
    await setAssignments({
      actor: d.editor,
      articleId: d.article.id,
      input: { assignments: [{ userId: d.reviewer.userId, dueOn: "2026-12-20" }] },
    });
    expect((await listAssignments({ actor: d.reviewer, articleId: d.article.id })).map((a) => a.dueOn)).toEqual([
      "2026-12-20",
    ]);
    expect(await kinds(d.reviewer)).toEqual(["assigned"]);
  });

  it("refuses no session, reviewers, another desk, non-members and malformed input, changing nothing", async () => {
    const d = await desk();
    const other = await desk();
    const valid = { assignments: [{ userId: d.reviewer.userId }] };
    await expect(setAssignments({ actor: null, articleId: d.article.id, input: valid })).rejects.toMatchObject({
      status: 401,
    });
    await expect(setAssignments({ actor: d.reviewer, articleId: d.article.id, input: valid })).rejects.toMatchObject({
      status: 403,
    });
    await expect(setAssignments({ actor: other.editor, articleId: d.article.id, input: valid })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      setAssignments({
        actor: d.editor,
        articleId: d.article.id,
        input: { assignments: [{ userId: other.reviewer.userId }] },
      }),
    ).rejects.toMatchObject({ status: 400 });
    for (const input of [
      {},
      { assignments: [{ userId: d.reviewer.userId, dueOn: "2026-02-30" }] },
      { assignments: [{ userId: d.reviewer.userId }, { userId: d.reviewer.userId }] },
    ]) {
      await expect(setAssignments({ actor: d.editor, articleId: d.article.id, input })).rejects.toMatchObject({
        status: 400,
      });
    }
    expect(await db.articleAssignment.count({ where: { articleId: d.article.id } })).toBe(0);
    expect(await db.notification.count({ where: { articleId: d.article.id } })).toBe(0);
  });
});
