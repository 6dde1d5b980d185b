"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Removes one reference check (DELETE /api/references/:id) after a confirmation. */
export function RemoveReferenceButton({ id, claim }: { id: string; claim: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (
      !window.confirm(
        `Remove the reference check “${claim.slice(0, 80)}”? Search and Checked before will no longer offer it.`,
      )
    )
      return;
    const response = await fetch(`/api/references/${id}`, { method: "DELETE" });
    if (response.ok) router.refresh();
    else
      setError(((await response.json().catch(() => null))?.error?.message as string) ?? `Refused (${response.status})`);
  }
  return (
    <>
      <button
        type="button"
        className="link"
        onClick={() => void remove()}
        aria-label={`Remove “${claim.slice(0, 80)}”`}
      >
        Remove
      </button>
      {error && <span className="error"> {error}</span>}
    </>
  );
}
