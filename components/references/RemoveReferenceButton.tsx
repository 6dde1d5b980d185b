"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmAction } from "@/components/shared/ConfirmAction";
import { shorten } from "@/lib/format";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

/** Removes one reference check (DELETE /api/references/:id) once confirmed in the page. */
export function RemoveReferenceButton({ id, claim }: { id: string; claim: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const short = shorten(claim, 80);
  async function remove() {
    const response = await fetch(`/api/references/${id}`, { method: "DELETE" });
    if (response.ok) router.refresh();
    else
      setError(((await response.json().catch(() => null))?.error?.message as string) ?? `Refused (${response.status})`);
  }
  return (
    <>
      <ConfirmAction
        label="Remove"
        labelFor={`Remove “${short}”`}
        className="link"
        question="Remove this reference check? Search and Checked before will no longer offer it; importing its file again brings it back."
        confirmLabel={`Yes, remove “${short}”`}
        onConfirm={remove}
      />
      <ErrorMessage message={error} inline />
    </>
  );
}
