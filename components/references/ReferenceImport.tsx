"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ImportRefusal, type ImportProblem } from "@/components/exchange/ImportRefusal";

type Outcome =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "done"; report: { imported: number; updated: number; unchanged: number; total: number } }
  | { kind: "refused"; message: string; problems: ImportProblem[] };

/** Uploads a ClaimReview JSON-LD file to POST /api/references/import and shows the report, or every item's problem. */
export function ReferenceImport() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function upload(file: File) {
    setOutcome({ kind: "sending" });
    try {
      const response = await fetch("/api/references/import", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const body = await response.json().catch(() => null);
      if (response.ok) {
        setOutcome({ kind: "done", report: body });
        router.refresh();
      } else
        setOutcome({
          kind: "refused",
          message: body?.error?.message ?? `Refused (${response.status})`,
          problems: body?.error?.details?.problems ?? [],
        });
    } catch {
      setOutcome({ kind: "refused", message: "The upload failed: check the connection and try again", problems: [] });
    }
  }

  return (
    <div>
      <label htmlFor="reference-file">ClaimReview JSON-LD file (ours or another publisher&apos;s)</label>
      <input
        id="reference-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
      />
      <div role="status" data-testid="reference-import-outcome">
        {outcome.kind === "sending" && <p>Importing…</p>}
        {outcome.kind === "done" && (
          <p className="success">
            {outcome.report.imported} new, {outcome.report.updated} updated, {outcome.report.unchanged} already here (of{" "}
            {outcome.report.total}).
          </p>
        )}
        {outcome.kind === "refused" && <ImportRefusal message={outcome.message} problems={outcome.problems} />}
      </div>
    </div>
  );
}
