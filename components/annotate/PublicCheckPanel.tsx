"use client";

import type { AnnotationView } from "@/lib/annotations/view";
import type { Role } from "@/lib/auth/roles";
import { annotationApi } from "./api-client";
import { PublicNoteAction } from "./PublicNoteAction";

type Props = { annotation: AnnotationView; viewerRole: Role; onWithdrawn: (id: string) => void };

/**
 * A published check's public side: a link to its public page and, for editors and admins, a way
 * to withdraw it (its page then answers 410 with the note). Corrections are the usual way to
 * change published work; withdrawing is for a check that should never have run.
 */
export function PublicCheckPanel({ annotation, viewerRole, onWithdrawn }: Props) {
  if (annotation.status !== "PUBLISHED" || annotation.supersededAt) return null;
  const mayWithdraw = viewerRole !== "REVIEWER" && !annotation.correctedBy;

  async function withdraw(note: string) {
    const result = await annotationApi.retract(annotation.id, { note, version: annotation.version });
    if (!result.ok) return { ok: false as const, message: result.error.message };
    onWithdrawn(annotation.id);
    return { ok: true as const };
  }

  return (
    <section aria-label="Public page" className="public-check">
      <p>
        <a href={`/checks/${annotation.id}`} target="_blank" rel="noopener">
          Public page
        </a>{" "}
        <span className="muted">(when the desk&apos;s public pages are on)</span>
      </p>
      {mayWithdraw && (
        <PublicNoteAction
          id={`withdraw-note-${annotation.id}`}
          openLabel="Withdraw this check"
          label="Why it is withdrawn (shown on its public page)"
          submitLabel="Withdraw"
          onSubmit={withdraw}
        />
      )}
    </section>
  );
}
