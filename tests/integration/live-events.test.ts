import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { reviseArticle } from "@/lib/articles/articles";
import { openEventStream } from "@/lib/live/stream";
import { liveHub } from "@/lib/live/hub";
import { purgeExpiredEvents, readLogPosition } from "@/lib/live/log";
import pg from "pg";
import { parseDatabaseUrl } from "@/lib/db/connection";
import { MAX_STREAMS_PER_USER, openStream, STALE_SECONDS, touchStreams } from "@/lib/live/streams";
import { reportEditing } from "@/lib/live/presence";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createUser } from "../support/factories";
import { deskWithArticle } from "../support/live-desk";
import { collectSse, type SseMessage } from "../support/sse";
import { decodePosition, encodePosition } from "@/lib/live/position";

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
    // The position follows the event's frame: a snapshot, compactly encoded.
    await expect.poll(() => decodePosition(s.lastEventId() ?? "")).not.toBeNull();
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
    await expect.poll(() => caughtUp.lastEventId()).not.toBe(undefined);
    const last = caughtUp.lastEventId()!;
    await updateAnnotation({ actor: d.reviewer, annotationId: a.id, input: { version: 1, claim: "again" } });
    await caughtUp.until(about(a.id, "annotation.updated"));
    caughtUp.abort();
    await caughtUp.close();

    const resumed = await stream(d.editor, d.article.id, { lastEventId: last, since: position });
    await resumed.until(about(a.id, "annotation.updated"));
    expect(resumed.messages.some(about(a.id, "annotation.created"))).toBe(false);
    resumed.abort();
    await resumed.close();

    // A position ahead of the database (from another server) is as unknown as a malformed one.
    const ahead = encodePosition({ xmin: 1n << 50n, xmax: (1n << 50n) + 1n, xip: [] });
    for (const lastEventId of ["999999999999999", "not-a-number", ahead]) {
      const reset = await stream(d.editor, d.article.id, { lastEventId });
      await reset.until((m) => m.event === "reset");
      reset.abort();
      await reset.close();
    }
  });

  it("delivers a transaction that took a low id but committed after a client saw a higher one: live, and on reconnect, exactly once", async () => {
    const d = await desk();
    const a = await d.annotate(d.reviewer);
    const connected = await stream(d.editor, d.article.id);
    const reconnecting = await stream(d.editor, d.article.id);
    // A long transaction takes its event id now and commits last.
    const slow = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(
        `INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action) VALUES ($1, $2, $3, 'annotation', $4, 'placement.confirm')`,
        [`slow${a.id}`, d.workspace.id, d.reviewer.userId, a.id],
      );
      // A later transaction commits first; the client sees it and its position moves past it.
      await updateAnnotation({ actor: d.reviewer, annotationId: a.id, input: { version: 1, claim: "fast" } });
      await reconnecting.until(about(a.id, "annotation.updated"));
      await expect.poll(() => reconnecting.lastEventId()).not.toBe(undefined);
      const [slowEvent, fastEvent] = await Promise.all([
        db.liveEvent.findFirst({ where: { annotationId: a.id, type: "annotation.placement" } }),
        db.liveEvent.findFirst({ where: { annotationId: a.id, type: "annotation.updated" } }),
      ]);
      expect(slowEvent).toBeNull(); // not committed yet
      const seenAt = reconnecting.lastEventId()!;
      reconnecting.abort();
      await reconnecting.close();

      await slow.query("COMMIT");
      const committed = await db.liveEvent.findFirstOrThrow({
        where: { annotationId: a.id, type: "annotation.placement" },
      });
      // The case "id > last seen" got wrong: the late commit holds the smaller id.
      expect(committed.id).toBeLessThan(fastEvent!.id);

      await connected.until(about(a.id, "annotation.placement"));
      const resumed = await stream(d.editor, d.article.id, { lastEventId: seenAt });
      await resumed.until(about(a.id, "annotation.placement"));
      // A later change arrives after it on both, so a repeat would have shown by then.
      await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "after" } });
      for (const s of [connected, resumed]) {
        await s.until(about(a.id, "note.created"));
        expect(s.messages.filter(about(a.id, "annotation.placement"))).toHaveLength(1);
      }
      // What the resumed stream had already seen is not sent again.
      expect(resumed.messages.filter(about(a.id, "annotation.updated"))).toHaveLength(0);
      expect(connected.messages.filter(about(a.id, "annotation.updated"))).toHaveLength(1);
      for (const s of [connected, resumed]) {
        s.abort();
        await s.close();
      }
    } finally {
      await slow.end();
    }
  });

  it("answers reset for a position older than the events purged from the log", async () => {
    const d = await desk();
    const old = await readLogPosition();
    await d.annotate(d.reviewer);
    // Nothing is old enough to purge here; raise the horizon as a purge of that event would.
    const [{ txid }] = await db.$queryRaw<{ txid: bigint }[]>`SELECT max(txid) AS txid FROM "LiveEvent"`;
    const before = await db.liveLogHorizon.findUnique({ where: { id: 1 } });
    await db.liveLogHorizon.upsert({ where: { id: 1 }, create: { purgedTxid: txid }, update: { purgedTxid: txid } });
    try {
      const expired = await stream(d.editor, d.article.id, { lastEventId: old });
      await expired.until((m) => m.event === "reset");
      expired.abort();
      await expired.close();
    } finally {
      // Other files' streams share this database: put the horizon back.
      await db.liveLogHorizon.update({ where: { id: 1 }, data: { purgedTxid: before?.purgedTxid ?? 0n } });
    }
    expect(await purgeExpiredEvents(new Date(0))).toBe(0);
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

describe("presence after a crash", () => {
  it("removes the streams of an instance that stopped refreshing them for 30 s, and tells the others", async () => {
    const d = await desk();
    const watcher = await stream(d.editor, d.article.id);
    // A tab of the reviewer's, served by an instance that then died without closing anything.
    const id = `crashed-${d.reviewer.userId}`;
    await openStream({
      id,
      userId: d.reviewer.userId,
      workspaceId: d.workspace.id,
      instanceId: "crashed-instance",
      articleId: d.article.id,
    });
    const viewing = (m: SseMessage) =>
      m.event === "presence" &&
      (m.data as { viewers: { userId: string }[] }).viewers.some((v) => v.userId === d.reviewer.userId);
    await watcher.until(viewing);
    await db.liveStream.update({
      where: { id },
      data: { seenAt: new Date(Date.now() - (STALE_SECONDS + 1) * 1000) },
    });
    const seen = watcher.messages.length;
    // Any live instance's next refresh (every 10 s) sweeps it.
    await touchStreams("a-live-instance");
    await watcher.until((m) => watcher.messages.indexOf(m) >= seen && m.event === "presence" && !viewing(m));
    expect(await db.liveStream.count({ where: { id } })).toBe(0);
    watcher.abort();
    await watcher.close();
  });
});

describe("POST /api/events/presence", () => {
  it("answers 404, not a server error, when the tab closes between reading its stream and writing it", async () => {
    const d = await desk();
    const a = await d.annotate(d.reviewer);
    const tab = await stream(d.reviewer, d.article.id);
    const streamId = (tab.messages.find((m) => m.event === "ready")!.data as { streamId: string }).streamId;
    const closing = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
    await closing.connect();
    try {
      // The close is under way: the report still reads the row, and its write waits for the close.
      await closing.query("BEGIN");
      await closing.query(`DELETE FROM "LiveStream" WHERE id = $1`, [streamId]);
      const report = reportEditing({ actor: d.reviewer, input: { streamId, editing: a.id } }).catch((error) => error);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await closing.query("COMMIT");
      expect(await report).toMatchObject({ status: 404 });
    } finally {
      await closing.end();
      await tab.close();
    }
  });

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
