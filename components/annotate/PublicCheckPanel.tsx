"use client";

import { useState } from "react";
import type { AnnotationView } from "@/lib/annotations/view";
import type { Role } from "@/lib/auth/roles";
import { annotationApi } from "./api-client";
import { PublicNoteForm } from "./PublicNoteForm";

type Props = { annotation: AnnotationView; viewerRole: Role; onWithdrawn: (id: string) => void };

/**
 * A published check's public side: a link to its public page and, for editors and admins, a way
 * to withdraw it (its page then answers 410 with the note). Corrections are the usual way to
 * change published work; withdrawing is for a check that should never have run.
 */
export function PublicCheckPanel({ annotation, viewerRole, onWithdrawn }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (annotation.status !== "PUBLISHED" || annotation.supersededAt) return null;
  const mayWithdraw = viewerRole !== "REVIEWER" && !annotation.correctedBy;

  async function withdraw(note: string) {
    const result = await annotationApi.retract(annotation.id, { note, version: annotation.version });
    if (result.ok) onWithdrawn(annotation.id);
    else setError(result.error.message);
  }

  return (
    <section aria-label="Public page" className="public-check">
      <p>
        <a href={`/checks/${annotation.id}`} target="_blank" rel="noopener">
          Public page
        </a>{" "}
        <span className="muted">(when the desk&apos;s public pages are on)</span>
      </p>
      {mayWithdraw && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          Withdraw this check
        </button>
      )}
      {open && (
        <PublicNoteForm
          id={`withdraw-note-${annotation.id}`}
          label="Why it is withdrawn (shown on its public page)"
          submitLabel="Withdraw"
          onSubmit={withdraw}
          onCancel={() => setOpen(false)}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
