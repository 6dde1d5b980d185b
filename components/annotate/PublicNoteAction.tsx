"use client";

import { useState } from "react";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Props = {
  /** The textarea's id. */
  id: string;
  /** The button that opens the form ("Start a correction", "Withdraw this check"). */
  openLabel: string;
  /** The note's label, which says where it is published. */
  label: string;
  submitLabel: string;
  /** Sends the note; a refusal's message is shown under the form, which stays open with the note. */
  onSubmit: (note: string) => Promise<{ ok: true } | { ok: false; message: string }>;
};

/**
 * An action on published work that needs a public note (starting a correction, withdrawing a
 * check): a button that opens the required note and its submit, a way back, and the refusal.
 */
export function PublicNoteAction({ id, openLabel, label, submitLabel, onSubmit }: Props) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {openLabel}
      </button>
    );
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await onSubmit(note);
        setError(result.ok ? null : result.message);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={note} onChange={(event) => setNote(event.currentTarget.value)} rows={2} required />
      <div className="form-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorMessage message={error} />
    </form>
  );
}
