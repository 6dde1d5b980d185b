import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { reviseArticle } from "@/lib/articles/articles";
import { openEventStream } from "@/lib/live/stream";
import { liveHub } from "@/lib/live/hub";
import { readLogPosition } from "@/lib/live/log";
import { MAX_STREAMS_PER_USER, openStream } from "@/lib/live/streams";
import { reportEditing } from "@/lib/live/presence";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createUser } from "../support/factories";
import { deskWithArticle } from "../support/live-desk";
import { collectSse, type SseMessage } from "../support/sse";

afterAll(async () => {
  await liveHub().stop();
});

const desk = deskWithArticle;

const logged = (articleId: string) =>
  db.liveEvent.findMany({ where: { articleId, type: { not: "presence" } }, orderBy: { id: "asc" } });

function listen(actor: Actor | null, articleId: string | null, extra: { since?: string; lastEventId?: string } = {}) {
  const controller = new AbortController();
  return {
    controller,
    response: openEventStream({
      actor,
      articleId,
      since: extra.since ?? null,
      lastEventId: extra.lastEventId ?? null,
      signal: controller.signal,
    }),
  };
}

async function stream(actor: Actor, articleId: string | null, extra: { since?: string; lastEventId?: string } = {}) {
  const { response, controller } = listen(actor, articleId, extra);
  const res = await response;
  expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(res.headers.get("x-accel-buffering")).toBe("no");
  const sse = collectSse(res.body!);
  await sse.until((m) => m.event === "ready");
  return { ...sse, abort: () => controller.abort() };
}

const about = (id: string, event: string) => (m: SseMessage) =>
  m.event === event && (m.data as { annotationId?: string }).annotationId === id;

describe("the event log", () => {
  it("logs each write once, with its actor, in the writing transaction; a refused write logs nothing", async () => {
    const d = await desk();
    const a = await d.annotate(d.reviewer);
    await updateAnnotation({ actor: d.reviewer, annotationId: a.id, input: { version: 1, claim: "changed" } });
    await expect(
      updateAnnotation({ actor: d.reviewer, annotationId: a.id, input: { version: 1, claim: "stale" } }),
    ).rejects.toMatchObject({ status: 409 });
    await changeAnnotationStatus({ actor: d.reviewer, annotationId: a.id, input: { status: "SUBMITTED", version: 2 } });
    await createNote({ actor: d.editor, annotationId: a.id, input: { body: "Looks right" } });
    const b = await d.annotate(d.editor, 6, 10);
    await deleteAnnotation({ actor: d.editor, annotationId: b.id });
    await reviseArticle({
      actor: d.editor,
      articleId: d.article.id,
      input: { format: "text", body: "Taxes rose 5% last year and jobs grew fast." },
    });

    const events = await logged(d.article.id);
    expect(events.map((e) => [e.type, e.annotationId, e.actorId])).toEqual([
      ["annotation.created", a.id, d.reviewer.userId],
      ["annotation.updated", a.id, d.reviewer.userId],
      ["annotation.status", a.id, d.reviewer.userId],
      ["note.created", a.id, d.editor.userId],
      ["annotation.created", b.id, d.editor.userId],
      ["annotation.deleted", b.id, d.editor.userId],
      ["article.revised", null, d.editor.userId],
    ]);
    expect(events[2].data).toMatchObject({ from: "DRAFT", to: "SUBMITTED", version: 3 });
    expect(events[6].data).toEqual({ revision: 2 });
  });
});

describe("GET /api/events", () => {
  it("delivers another person's change to a stream on the article, with what the page draws", async () => {
    const d = await desk();
    const s = await stream(d.editor, d.article.id);
    const a = await d.annotate(d.reviewer);
    const created = await s.until(about(a.id, "annotation.created"));
    expect(created.id).toMatch(/^\d+$/);
    expect(created.data).toMatchObject({
      actor: { id: d.reviewer.userId },
      annotation: { id: a.id, start: 0, end: 5, status: "DRAFT", version: 1, verdict: { key: "true" } },
    });
    await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "Source added" } });
    await s.until(about(a.id, "note.created"));
    s.abort();
    await s.close();
  });

  it("never sends a blinded reviewer the other's events, while the editor gets them", async () => {
    const d = await desk();
    const second = await actorFor((await createUser({ workspaceId: d.workspace.id, role: "REVIEWER" })).id);
    await requestSecondOpinion({
      actor: d.editor,
      articleId: d.article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: second.userId },
    });
    const blinded = await stream(second, d.article.id);
    const editor = await stream(d.editor, d.article.id);
    const hidden = await d.annotate(d.reviewer);
    await createNote({ actor: d.reviewer, annotationId: hidden.id, input: { body: "hidden" } });
    const own = await d.annotate(second, 6, 10);
    // Events go out in log order: once the later one arrived, the earlier ones were filtered out.
    await blinded.until(about(own.id, "annotation.created"));
    await editor.until(about(own.id, "annotation.created"));
    expect(blinded.messages.filter((m) => (m.data as { annotationId?: string }).annotationId === hidden.id)).toEqual(
      [],
    );
    expect(
      blinded.messages
        .filter((m) => m.event === "presence")
        .flatMap((m) => (m.data as { viewers: { userId: string }[] }).viewers.map((v) => v.userId)),
    ).not.toContain(d.reviewer.userId);
    expect(
      editor.messages
        .filter((m) => (m.data as { annotationId?: string }).annotationId === hidden.id)
        .map((m) => m.event),
    ).toEqual(["annotation.created", "note.created"]);
    for (const s of [blinded, editor]) {
      s.abort();
      await s.close();
    }
  });

  it("replays what a reconnecting page missed, and answers reset for an unknown or expired position", async () => {
    const d = await desk();
    const position = await readLogPosition();
    const a = await d.annotate(d.reviewer);
    const caughtUp = await stream(d.editor, d.article.id, { since: position });
    await caughtUp.until(about(a.id, "annotation.created"));
    const last = caughtUp.messages.find(about(a.id, "annotation.created"))!.id!;
    await updateAnnotation({ actor: d.reviewer, annotationId: a.id, input: { version: 1, claim: "again" } });
    await caughtUp.until(about(a.id, "annotation.updated"));
    caughtUp.abort();
    await caughtUp.close();

    const resumed = await stream(d.editor, d.article.id, { lastEventId: last, since: "0" });
    await resumed.until(about(a.id, "annotation.updated"));
    expect(resumed.messages.some(about(a.id, "annotation.created"))).toBe(false);
    resumed.abort();
    await resumed.close();

    for (const lastEventId of ["999999999999999", "not-a-number"]) {
      const reset = await stream(d.editor, d.article.id, { lastEventId });
      await reset.until((m) => m.event === "reset");
      reset.abort();
      await reset.close();
    }
  });

  it("refuses anonymous (401), another workspace's article (404), a malformed id or position (400), and changes nothing", async () => {
    const d = await desk();
    const other = await desk();
    const before = await db.liveStream.count();
    await expect(listen(null, d.article.id).response).rejects.toMatchObject({ status: 401 });
    await expect(listen(other.editor, d.article.id).response).rejects.toMatchObject({ status: 404 });
    await expect(listen(d.editor, "../etc").response).rejects.toMatchObject({ status: 400 });
    await expect(listen(d.editor, d.article.id, { since: "-1" }).response).rejects.toMatchObject({ status: 400 });
    expect(await db.liveStream.count()).toBe(before);
  });

  it("answers 429 past 20 open streams per person, counted in the database across instances", async () => {
    const d = await desk();
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      await openStream({
        id: `elsewhere-${d.editor.userId}-${i}`,
        userId: d.editor.userId,
        workspaceId: d.workspace.id,
        instanceId: "another-instance",
        articleId: null,
      });
    }
    await expect(listen(d.editor, d.article.id).response).rejects.toMatchObject({ status: 429 });
    expect(await db.liveStream.count({ where: { userId: d.editor.userId } })).toBe(MAX_STREAMS_PER_USER);
  });

  it("drops a client that does not read instead of buffering without bound", async () => {
    const d = await desk();
    const a = await d.annotate(d.reviewer);
    const { response, controller } = listen(d.editor, d.article.id);
    await response; // never read
    const streams = () => db.liveStream.count({ where: { userId: d.editor.userId } });
    expect(await streams()).toBe(1);
    // One bulk statement of 2,000 audited changes: about 400 KiB of frames, past the 256 KiB bound.
    await db.$executeRaw`
      INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action)
      SELECT 'bulk' || g || ${a.id}, ${d.workspace.id}, ${d.reviewer.userId}, 'annotation', ${a.id}, 'update' FROM generate_series(1, 2000) g`;
    await expect.poll(streams, { timeout: 15_000 }).toBe(0);
    controller.abort();
  });

  it("removes the stream and tells the others when a page closes", async () => {
    const d = await desk();
    const watcher = await stream(d.editor, d.article.id);
    const leaving = await stream(d.reviewer, d.article.id);
    await watcher.until(
      (m) =>
        m.event === "presence" &&
        (m.data as { viewers: { userId: string }[] }).viewers.some((v) => v.userId === d.reviewer.userId),
    );
    const seen = watcher.messages.length;
    leaving.abort();
    await leaving.close();
    await watcher.until(
      (m) =>
        watcher.messages.indexOf(m) >= seen &&
        m.event === "presence" &&
        !(m.data as { viewers: { userId: string }[] }).viewers.some((v) => v.userId === d.reviewer.userId),
    );
    expect(await db.liveStream.count({ where: { userId: d.reviewer.userId } })).toBe(0);
    watcher.abort();
    await watcher.close();
  });
});

describe("POST /api/events/presence", () => {
  it(
    "reports the annotation a tab is editing to the others; refuses no session, tokens, others' " +
      "streams, hidden annotations and bad input, changing nothing",
    async () => {
      const d = await desk();
      const other = await desk();
      const a = await d.annotate(d.reviewer);
      const watcher = await stream(d.editor, d.article.id);
      const tab = await stream(d.reviewer, d.article.id);
      const streamId = (tab.messages.find((m) => m.event === "ready")!.data as { streamId: string }).streamId;
      const snapshot = () => db.liveStream.findMany({ where: { id: streamId }, select: { editingAnnotationId: true } });

      await expect(reportEditing({ actor: null, input: { streamId, editing: a.id } })).rejects.toMatchObject({
        status: 401,
      });
      await expect(
        reportEditing({ actor: { ...d.reviewer, tokenId: "t" }, input: { streamId, editing: a.id } }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(reportEditing({ actor: d.editor, input: { streamId, editing: a.id } })).rejects.toMatchObject({
        status: 404,
      });
      await expect(reportEditing({ actor: other.reviewer, input: { streamId, editing: null } })).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        reportEditing({ actor: d.reviewer, input: { streamId, editing: (await other.annotate(other.reviewer)).id } }),
      ).rejects.toMatchObject({ status: 404 });
      for (const input of [{}, { streamId }, { streamId, editing: 5 }, { streamId, editing: null, extra: 1 }, "x"]) {
        await expect(reportEditing({ actor: d.reviewer, input })).rejects.toMatchObject({ status: 400 });
      }
      expect(await snapshot()).toEqual([{ editingAnnotationId: null }]);

      const seen = watcher.messages.length;
      await reportEditing({ actor: d.reviewer, input: { streamId, editing: a.id } });
      await watcher.until(
        (m) =>
          watcher.messages.indexOf(m) >= seen &&
          m.event === "presence" &&
          (m.data as { viewers: { userId: string; editing: string | null }[] }).viewers.some(
            (v) => v.userId === d.reviewer.userId && v.editing === a.id,
          ),
      );
      for (const s of [watcher, tab]) {
        s.abort();
        await s.close();
      }
    },
  );
});
