"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import { VerdictOptions } from "./VerdictOptions";
import { ImportRefusal, type ImportProblem } from "./ImportRefusal";

type Report = { imported: unknown[]; skipped: unknown[]; unanchored: ImportProblem[] };
type Outcome =
  | { kind: "idle" }
  | { kind: "sending"; percent: number }
  | { kind: "done"; report: Report }
  | { kind: "refused"; message: string; problems: ImportProblem[]; importable?: number };

/** POSTs the file with upload progress (fetch cannot report it), resolving to status and JSON. */
function send(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("content-type", "application/json");
    request.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => {
      try {
        resolve({ status: request.status, body: JSON.parse(request.responseText) });
      } catch {
        reject(new Error(`The server answered ${request.status} without JSON`));
      }
    };
    request.onerror = () => reject(new Error("The upload failed: check the connection and try again"));
    request.send(file);
  });
}

/**
 * Imports a factmark.v1 or W3C file into this article. Shows upload progress, then the report or
 * every problem with its item number; when only some quotes cannot be found, offers to import the rest.
 */
export function ImportForm({ articleId, choices }: { articleId: string; choices: VerdictChoice[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [defaultVerdict, setDefaultVerdict] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function run(skipUnanchored: boolean) {
    if (!file) return;
    const params = new URLSearchParams();
    if (skipUnanchored) params.set("skipUnanchored", "true");
    if (defaultVerdict) params.set("defaultVerdict", defaultVerdict);
    setOutcome({ kind: "sending", percent: 0 });
    try {
      const { status, body } = await send(`/api/articles/${articleId}/import?${params}`, file, (percent) =>
        setOutcome({ kind: "sending", percent }),
      );
      if (status === 200) {
        setOutcome({ kind: "done", report: body as Report });
        router.refresh();
        return;
      }
      const error = (
        body as { error: { message: string; details?: { problems?: ImportProblem[]; importable?: number } } }
      ).error;
      setOutcome({
        kind: "refused",
        message: error.message,
        problems: error.details?.problems ?? [],
        importable: status === 409 ? error.details?.importable : undefined,
      });
    } catch (error) {
      setOutcome({ kind: "refused", message: (error as Error).message, problems: [] });
    }
  }

  return (
    <form
      aria-label="Import annotations"
      onSubmit={(event) => {
        event.preventDefault();
        void run(false);
      }}
    >
      <div className="form-row">
        <div>
          <label htmlFor="import-file">Factmark JSON or W3C file</label>
          <input
            id="import-file"
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div>
          <label htmlFor="import-verdict">Verdict when the file gives none</label>
          <select
            id="import-verdict"
            value={defaultVerdict}
            onChange={(event) => setDefaultVerdict(event.currentTarget.value)}
          >
            <VerdictOptions choices={choices} none="None: report them" />
          </select>
        </div>
        <div>
          <button type="submit" className="primary" disabled={!file || outcome.kind === "sending"}>
            Import
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {outcome.kind === "sending" && (
          <p>
            <progress max={100} value={outcome.percent} aria-label="Upload" />{" "}
            {outcome.percent < 100 ? `Uploading… ${outcome.percent}%` : "Checking and importing…"}
          </p>
        )}
        {outcome.kind === "done" && (
          <p className="success">
            Imported {outcome.report.imported.length}; {outcome.report.skipped.length} already here
            {outcome.report.unanchored.length > 0 &&
              `; ${outcome.report.unanchored.length} not found in the text and left out`}
            .
          </p>
        )}
        {outcome.kind === "refused" && <ImportRefusal message={outcome.message} problems={outcome.problems} />}
      </div>
      {outcome.kind === "refused" && outcome.importable !== undefined && outcome.importable > 0 && (
        <button type="button" onClick={() => void run(true)}>
          Import the other {outcome.importable}
        </button>
      )}
    </form>
  );
}
