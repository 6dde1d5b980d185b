"use client";

import { useState } from "react";

type Props = { id: string; label: string; submitLabel: string; onSubmit: (note: string) => void; onCancel: () => void };

/** A required public note and its action (a correction's, a withdrawal's), with a way back. */
export function PublicNoteForm({ id, label, submitLabel, onSubmit, onCancel }: Props) {
  const [note, setNote] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(note);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={note} onChange={(event) => setNote(event.currentTarget.value)} rows={2} required />
      <div className="form-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
