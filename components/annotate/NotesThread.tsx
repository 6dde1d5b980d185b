"use client";

import { useId, useState } from "react";
import type { NoteView } from "@/lib/annotations/view";
import { LIMITS } from "@/lib/annotations/limits";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "./api-client";
import { MentionTextarea } from "./MentionTextarea";
import { useLocalDraft, useRestoredDraft } from "@/components/shared/useLocalDraft";
import { CharCount } from "@/components/shared/CharCount";

type Props = { annotationId: string; notes: NoteView[]; viewerId: string; onChange: (notes: NoteView[]) => void };

/** A small composer used for new notes, replies and edits; what is typed is kept as a local draft under `draftName`. */
function NoteComposer({
  label,
  draftName,
  initial = "",
  onSubmit,
  onCancel,
}: {
  label: string;
  draftName: string;
  initial?: string;
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(useRestoredDraft<string>(draftName)?.value ?? initial);
  const draft = useLocalDraft(draftName, body, initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const countId = useId();
  return (
    <form
      className="note-composer"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!body.trim()) return setError("Write something first");
        if (body.length > LIMITS.note)
          return setError(`A note is ${LIMITS.note.toLocaleString("en-GB")} characters at most`);
        setPending(true);
        const problem = await onSubmit(body);
        setPending(false);
        setError(problem);
        if (problem) return;
        draft.clear();
        if (!initial) setBody("");
      }}
    >
      <label>
        <span className="visually-hidden">{label}</span>
        <MentionTextarea
          aria-label={label}
          value={body}
          onValueChange={setBody}
          rows={2}
          aria-describedby={countId}
          placeholder={label}
        />
      </label>
      <CharCount id={countId} value={body} max={LIMITS.note} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
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
  const [editing, setEditing] = useState<string | null>(null);
  const children = (parentId: string | null) => notes.filter((n) => n.parentId === parentId);

  async function add(body: string, parentId?: string) {
    const result = await annotationApi.addNote(annotationId, body, parentId);
    if (!result.ok) return result.error.message;
    onChange([...notes, result.data]);
    setReplyTo(null);
    return null;
  }

  async function edit(noteId: string, body: string) {
    const result = await annotationApi.editNote(annotationId, noteId, body);
    if (!result.ok) return result.error.message;
    onChange(notes.map((n) => (n.id === noteId ? result.data : n)));
    setEditing(null);
    return null;
  }

  async function remove(noteId: string) {
    if (!window.confirm("Delete this note?")) return;
    const result = await annotationApi.deleteNote(annotationId, noteId);
    if (!result.ok) return window.alert(result.error.message);
    const hasReplies = notes.some((n) => n.parentId === noteId);
    onChange(
      hasReplies
        ? notes.map((n) => (n.id === noteId ? { ...n, body: null, deleted: true } : n))
        : notes.filter((n) => n.id !== noteId),
    );
  }

  function renderNote(note: NoteView) {
    return (
      <li key={note.id} className="note" data-testid="note">
        <div className="note-meta">
          <strong>{note.author.name}</strong> <span className="muted">{formatDateTime(note.createdAt)}</span>
        </div>
        {editing === note.id ? (
          <NoteComposer
            label="Edit note"
            draftName={`note:${annotationId}:edit:${note.id}`}
            initial={note.body ?? ""}
            onSubmit={(body) => edit(note.id, body)}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <p className="note-body">{note.deleted ? <em className="muted">Note deleted</em> : note.body}</p>
        )}
        {!note.deleted && editing !== note.id && (
          <div className="note-actions">
            <button type="button" className="link" onClick={() => setReplyTo(note.id)}>
              Reply
            </button>
            {note.author.id === viewerId && (
              <>
                <button type="button" className="link" onClick={() => setEditing(note.id)}>
                  Edit
                </button>
                <button type="button" className="link" onClick={() => remove(note.id)}>
                  Delete
                </button>
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
      <NoteComposer label="Add a note" draftName={`note:${annotationId}:new`} onSubmit={(body) => add(body)} />
    </section>
  );
}
