import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createNote, deleteNote, listNotes, updateNote } from "@/lib/annotations/notes";
import { actorFor, createUser } from "../support/factories";
import { deskWithArticle } from "../support/live-desk";

/** Everything a refused note change could have touched. */
const state = async (annotationId: string) => ({
  notes: await db.note.findMany({ where: { annotationId }, orderBy: { createdAt: "asc" } }),
  audit: await db.auditEvent.count({ where: { entityId: annotationId } }),
  events: await db.liveEvent.count({ where: { annotationId } }),
});

describe("note versions", () => {
  it("edits and deletes against the version they were made on; a stale one gets 409 with the current note and changes nothing", async () => {
    const d = await deskWithArticle();
    const a = await d.annotate(d.reviewer);
    const note = await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "Source?" } });
    expect(note.version).toBe(1);

    // Two tabs of the author start from version 1; the first save wins.
    const first = await updateNote({
      actor: d.reviewer,
      annotationId: a.id,
      noteId: note.id,
      input: { body: "Which source?", version: 1 },
    });
    expect(first).toMatchObject({ body: "Which source?", version: 2 });
    const before = await state(a.id);
    const stale = updateNote({
      actor: d.reviewer,
      annotationId: a.id,
      noteId: note.id,
      input: { body: "Any source?", version: 1 },
    });
    await expect(stale).rejects.toMatchObject({
      status: 409,
      details: { current: { id: note.id, body: "Which source?", version: 2 } },
    });
    await expect(
      deleteNote({ actor: d.reviewer, annotationId: a.id, noteId: note.id, input: { version: "1" } }),
    ).rejects.toMatchObject({ status: 409, details: { current: { version: 2 } } });
    expect(await state(a.id)).toEqual(before);

    // Saved against the version the conflict showed, it goes through.
    const resolved = await updateNote({
      actor: d.reviewer,
      annotationId: a.id,
      noteId: note.id,
      input: { body: "Any source?", version: 2 },
    });
    expect(resolved.version).toBe(3);
    // The live event carries the note's version.
    const event = await db.liveEvent.findFirstOrThrow({
      where: { annotationId: a.id, type: "note.updated" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({ noteId: note.id, noteVersion: 3 });

    await deleteNote({ actor: d.reviewer, annotationId: a.id, noteId: note.id, input: { version: "3" } });
    expect(await listNotes({ actor: d.editor, annotationId: a.id })).toEqual([]);
    const deleted = await db.liveEvent.findFirstOrThrow({ where: { annotationId: a.id, type: "note.deleted" } });
    expect(deleted.data).toMatchObject({ noteId: note.id, noteVersion: 4 });
  });

  it("lets exactly one of two concurrent saves on one version win", async () => {
    const d = await deskWithArticle();
    const a = await d.annotate(d.reviewer);
    const note = await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "start" } });
    const results = await Promise.allSettled(
      ["left", "right"].map((body) =>
        updateNote({ actor: d.reviewer, annotationId: a.id, noteId: note.id, input: { body, version: 1 } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status),
    ).toEqual([409]);
    const row = await db.note.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.version).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: a.id, action: "note.update" } })).toBe(1);
  });

  it("refuses bad input, no session, another workspace, a token and another person's note, changing nothing", async () => {
    const d = await deskWithArticle();
    const other = await deskWithArticle();
    const a = await d.annotate(d.reviewer);
    const note = await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "mine" } });
    const colleague = await actorFor((await createUser({ workspaceId: d.workspace.id, role: "REVIEWER" })).id);
    const before = await state(a.id);
    const edit = (actor: typeof d.reviewer | null, input: unknown) =>
      updateNote({ actor, annotationId: a.id, noteId: note.id, input });

    for (const input of [
      { body: "no version" },
      { body: "x", version: 0 },
      { body: "x", version: "1" },
      { body: "x", version: 1.5 },
      { body: "", version: 1 },
      { body: "x".repeat(10_001), version: 1 },
      { body: "x", version: 1, extra: true },
      "x",
    ])
      await expect(edit(d.reviewer, input), JSON.stringify(input)).rejects.toMatchObject({ status: 400 });
    for (const version of ["0", "x", "-1", "1.5"])
      await expect(
        deleteNote({ actor: d.reviewer, annotationId: a.id, noteId: note.id, input: { version } }),
      ).rejects.toMatchObject({ status: 400 });

    await expect(edit(null, { body: "x", version: 1 })).rejects.toMatchObject({ status: 401 });
    await expect(deleteNote({ actor: null, annotationId: a.id, noteId: note.id })).rejects.toMatchObject({
      status: 401,
    });
    await expect(edit(other.admin, { body: "x", version: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(deleteNote({ actor: other.admin, annotationId: a.id, noteId: note.id })).rejects.toMatchObject({
      status: 404,
    });
    // A read-only API token, and a member who is not the note's author (an editor included).
    await expect(edit({ ...d.reviewer, tokenId: "t" }, { body: "x", version: 1 })).rejects.toMatchObject({
      status: 403,
    });
    for (const actor of [colleague, d.editor, d.admin]) {
      await expect(edit(actor, { body: "x", version: 1 })).rejects.toMatchObject({ status: 403 });
      await expect(
        deleteNote({ actor, annotationId: a.id, noteId: note.id, input: { version: "1" } }),
      ).rejects.toMatchObject({ status: 403 });
    }
    expect(await state(a.id)).toEqual(before);
  });
});
