"use client";

import { useId, useState } from "react";
import type { NoteView } from "@/lib/annotations/view";
import { LIMITS } from "@/lib/annotations/limits";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "./api-client";
import { MentionTextarea } from "./MentionTextarea";
import { FieldConflict } from "./ConflictCompare";
import { useLocalDraft, useRestoredDraft } from "@/components/shared/useLocalDraft";
import { CharCount } from "@/components/shared/CharCount";
import { ConfirmAction } from "@/components/shared/ConfirmAction";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Props = { annotationId: string; notes: NoteView[]; viewerId: string; onChange: (notes: NoteView[]) => void };

/** What a submit answers: null when saved, a message, or (an edit) the note someone saved meanwhile. */
type Outcome = null | string | { theirs: NoteView };

/** A small composer used for new notes, replies and edits; what is typed is kept as a local draft under `draftName`. */
function NoteComposer({
  label,
  draftName,
  initial = "",
  onSubmit,
  onCancel,
  onRebase,
}: {
  label: string;
  draftName: string;
  initial?: string;
  onSubmit: (body: string) => Promise<Outcome>;
  onCancel?: () => void;
  /** An edit's conflict was resolved: the next save goes against their version. */
  onRebase?: (theirs: NoteView) => void;
}) {
  const [body, setBody] = useState(useRestoredDraft<string>(draftName)?.value ?? initial);
  const draft = useLocalDraft(draftName, body, initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // An edit's three-way comparison: what it started from, and their saved note.
  const [startedFrom, setStartedFrom] = useState(initial);
  const [conflict, setConflict] = useState<NoteView | null>(null);
  const countId = useId();
  return (
    <form
      className="note-composer"
      // Sent before the page's code has run, it reloads this address as it is (a GET would drop ?annotation=).
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!body.trim()) return setError("Write something first");
        if (body.length > LIMITS.note)
          return setError(`A note is ${LIMITS.note.toLocaleString("en-GB")} characters at most`);
        setPending(true);
        const outcome = await onSubmit(body);
        setPending(false);
        if (outcome !== null && typeof outcome === "object") {
          setError(null);
          return setConflict(outcome.theirs);
        }
        setError(outcome);
        if (outcome) return;
        draft.clear();
        if (!initial) setBody("");
      }}
    >
      <label>
        <span className="visually-hidden">{label}</span>
        <MentionTextarea
          aria-label={label}
          keptAs={draftName}
          value={body}
          onValueChange={setBody}
          rows={2}
          aria-describedby={countId}
          placeholder={label}
        />
      </label>
      <CharCount id={countId} value={body} max={LIMITS.note} />
      {conflict && (
        <FieldConflict
          what="note"
          version={conflict.version}
          rows={
            conflict.body === body
              ? []
              : [
                  {
                    name: "body",
                    label: "Note",
                    base: startedFrom,
                    theirs: conflict.body ?? "",
                    mine: body,
                    keepMine: body !== startedFrom,
                  },
                ]
          }
          onResolve={(keepMine) => {
            if (!keepMine.body) setBody(conflict.body ?? "");
            setStartedFrom(conflict.body ?? "");
            onRebase?.(conflict);
            setConflict(null);
          }}
        />
      )}
      <ErrorMessage message={error} />
      <button type="submit" disabled={pending || conflict !== null}>
        {initial ? "Save note" : label}
      </button>
      {onCancel && (
        <button
          type="button"
          onClick={() => {
            draft.clear();
            onCancel();
          }}
        >
          Cancel
        </button>
      )}
    </form>
  );
}

/** Threaded notes: anyone may reply; authors edit and delete their own. Bodies render as text. */
export function NotesThread({ annotationId, notes, viewerId, onChange }: Props) {
  const [replyTo, setReplyTo] = useState<string | null>(null);
  // The note being edited and the version the edit is made on (theirs, once a conflict was resolved).
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
  // A refused delete: said in the thread (an alert() would block every tab of the app).
  const [error, setError] = useState<string | null>(null);
  const children = (parentId: string | null) => notes.filter((n) => n.parentId === parentId);

  async function add(body: string, parentId?: string) {
    const result = await annotationApi.addNote(annotationId, body, parentId);
    if (!result.ok) return result.error.message;
    onChange([...notes, result.data]);
    setReplyTo(null);
    return null;
  }

  async function edit(noteId: string, body: string, version: number): Promise<Outcome> {
    const result = await annotationApi.editNote(annotationId, noteId, body, version);
    if (!result.ok) {
      const theirs = (result.error.details as { current?: NoteView } | undefined)?.current;
      return result.error.status === 409 && theirs ? { theirs } : result.error.message;
    }
    onChange(notes.map((n) => (n.id === noteId ? result.data : n)));
    setEditing(null);
    return null;
  }

  async function remove(note: NoteView) {
    const result = await annotationApi.deleteNote(annotationId, note.id, note.version);
    if (!result.ok) {
      // Changed meanwhile: show what it says now rather than delete text the person has not read.
      const theirs = (result.error.details as { current?: NoteView } | undefined)?.current;
      if (result.error.status === 409 && theirs) onChange(notes.map((n) => (n.id === note.id ? theirs : n)));
      return setError(result.error.message);
    }
    setError(null);
    const hasReplies = notes.some((n) => n.parentId === note.id);
    onChange(
      hasReplies
        ? notes.map((n) => (n.id === note.id ? { ...n, body: null, deleted: true } : n))
        : notes.filter((n) => n.id !== note.id),
    );
  }

  function renderNote(note: NoteView) {
    return (
      <li key={note.id} className="note" data-testid="note">
        <div className="note-meta">
          <strong>{note.author.name}</strong> <span className="muted">{formatDateTime(note.createdAt)}</span>
        </div>
        {editing?.id === note.id ? (
          <NoteComposer
            label="Edit note"
            draftName={`note:${annotationId}:edit:${note.id}`}
            initial={note.body ?? ""}
            onSubmit={(body) => edit(note.id, body, editing.version)}
            onRebase={(theirs) => setEditing({ id: note.id, version: theirs.version })}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <p className="note-body">{note.deleted ? <em className="muted">Note deleted</em> : note.body}</p>
        )}
        {!note.deleted && editing?.id !== note.id && (
          <div className="note-actions">
            <button type="button" className="link" onClick={() => setReplyTo(note.id)}>
              Reply
            </button>
            {note.author.id === viewerId && (
              <>
                <button
                  type="button"
                  className="link"
                  onClick={() => setEditing({ id: note.id, version: note.version })}
                >
                  Edit
                </button>
                <ConfirmAction
                  label="Delete"
                  labelFor="Delete note"
                  className="link"
                  question="Delete this note? Replies to it stay, under “Note deleted”, and the audit trail keeps it."
                  confirmLabel="Yes, delete this note"
                  onConfirm={() => remove(note)}
                />
              </>
            )}
          </div>
        )}
        {replyTo === note.id && (
          <NoteComposer
            label="Reply"
            draftName={`note:${annotationId}:reply:${note.id}`}
            onSubmit={(body) => add(body, note.id)}
            onCancel={() => setReplyTo(null)}
          />
        )}
        {children(note.id).length > 0 && <ul className="replies">{children(note.id).map(renderNote)}</ul>}
      </li>
    );
  }

  return (
    <section aria-label="Notes" className="notes">
      <h3>Notes</h3>
      {notes.length === 0 && <p className="muted">No notes yet.</p>}
      <ul>{children(null).map(renderNote)}</ul>
      <ErrorMessage message={error} />
      <NoteComposer label="Add a note" draftName={`note:${annotationId}:new`} onSubmit={(body) => add(body)} />
    </section>
  );
}
