import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireActor, requireMember, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { findAnnotation } from "./annotations";
import { noteDeleteSchema, noteInputSchema, noteUpdateSchema } from "./schemas";
import { toAnnotationView, toNoteView, type NoteView } from "./view";
import { notifyMentions } from "../notifications/events";

const noteInclude = { author: { select: { id: true, name: true } } } satisfies Prisma.NoteInclude;

type NoteTarget = { actor: Actor | null; annotationId: unknown };

type NoteChange = {
  action: "note.create" | "note.update" | "note.delete";
  noteId: string;
  /** The note's version after the change: the live event carries it (prisma/routines/30-live-events.sql). */
  version: number;
  before?: string;
  after?: string;
};

/** Note events go on the annotation's own history, so one query shows the whole story. */
async function auditNote(tx: Prisma.TransactionClient, actor: Actor, annotationId: string, change: NoteChange) {
  const { action, noteId, version, before, after } = change;
  await recordAudit(tx, actor, {
    entityType: "annotation",
    entityId: annotationId,
    action,
    before: before !== undefined ? { noteId, body: before } : undefined,
    after: after !== undefined ? { noteId, body: after, version } : { noteId, version, deleted: true },
  });
}

/** A live note of the annotation, or 404; only its author may change it (403 otherwise). */
async function findOwnNote(tx: Prisma.TransactionClient, actor: Actor, annotationId: string, noteId: unknown) {
  const id = parseInput(idSchema, noteId);
  const note = await tx.note.findFirst({ where: { id, annotationId, deletedAt: null } });
  if (!note) throw notFound("Note");
  if (note.authorId !== actor.userId) throw new AppError("FORBIDDEN", "Only the note's author can change it");
  return note;
}

/** The annotation's thread: notes oldest first, each naming the note it answers. Any member. */
export async function listNotes(options: NoteTarget): Promise<NoteView[]> {
  const actor = requireActor(options.actor);
  return toAnnotationView(await findAnnotation(db, actor, options.annotationId)).notes;
}

/** Adds a note, or a reply to a note of the same annotation. Any member of the workspace. */
export async function createNote(options: NoteTarget & { input: unknown }): Promise<NoteView> {
  const actor = requireMember(options.actor);
  const input = parseInput(noteInputSchema, options.input);
  return db.$transaction(async (tx) => {
    const annotation = await findAnnotation(tx, actor, options.annotationId);
    if (input.parentId && !annotation.notes.some((n) => n.id === input.parentId)) {
      throw new AppError("BAD_REQUEST", "parentId: not a note of this annotation");
    }
    const note = await tx.note.create({
      data: { annotationId: annotation.id, parentId: input.parentId ?? null, authorId: actor.userId, body: input.body },
      include: noteInclude,
    });
    await auditNote(tx, actor, annotation.id, {
      action: "note.create",
      noteId: note.id,
      version: note.version,
      after: note.body,
    });
    await notifyMentions(tx, actor, { articleId: annotation.articleId, annotationId: annotation.id, body: note.body });
    return toNoteView(note);
  });
}

/** The stale-version answer for a note: 409 with the note as it is now, so the page can compare. */
function staleNote(current: NoteView): AppError {
  return new AppError(
    "CONFLICT",
    `This note was changed elsewhere (now version ${current.version}); compare before saving`,
    { current },
  );
}

/**
 * Writes one's own note only if it is still at `version`: the check and the write are one UPDATE
 * (a save in between makes it match no row), so two tabs cannot both win. Answers the note as
 * written, or throws 409 with the current one.
 */
async function writeNoteAtVersion(
  tx: Prisma.TransactionClient,
  note: { id: string },
  version: number | undefined,
  data: Prisma.NoteUpdateManyMutationInput,
): Promise<NoteView> {
  const { count } = await tx.note.updateMany({
    where: { id: note.id, deletedAt: null, ...(version === undefined ? {} : { version }) },
    data: { ...data, version: { increment: 1 } },
  });
  const current = await tx.note.findUniqueOrThrow({ where: { id: note.id }, include: noteInclude });
  if (count === 0) throw staleNote(toNoteView(current));
  return toNoteView(current);
}

/** Edits one's own note, against the version the edit was made on (409 with the current note otherwise). */
export async function updateNote(options: NoteTarget & { noteId: unknown; input: unknown }): Promise<NoteView> {
  const actor = requireMember(options.actor);
  const input = parseInput(noteUpdateSchema, options.input);
  return db.$transaction(async (tx) => {
    const annotation = await findAnnotation(tx, actor, options.annotationId);
    const note = await findOwnNote(tx, actor, annotation.id, options.noteId);
    const updated = await writeNoteAtVersion(tx, note, input.version, { body: input.body });
    await auditNote(tx, actor, annotation.id, {
      action: "note.update",
      noteId: note.id,
      version: updated.version,
      before: note.body,
      after: updated.body!,
    });
    return updated;
  });
}

/** Soft-deletes one's own note (at `?version=` when given: 409 if it changed since); its replies stay in the thread. */
export async function deleteNote(
  options: NoteTarget & { noteId: unknown; input?: unknown },
): Promise<{ id: string; deleted: true }> {
  const actor = requireMember(options.actor);
  const input = parseInput(noteDeleteSchema, options.input ?? {});
  return db.$transaction(async (tx) => {
    const annotation = await findAnnotation(tx, actor, options.annotationId);
    const note = await findOwnNote(tx, actor, annotation.id, options.noteId);
    const deleted = await writeNoteAtVersion(tx, note, input.version, { deletedAt: new Date() });
    await auditNote(tx, actor, annotation.id, {
      action: "note.delete",
      noteId: note.id,
      version: deleted.version,
      before: note.body,
    });
    return { id: note.id, deleted: true as const };
  });
}
