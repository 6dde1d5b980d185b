import type { ActionResult } from "@/lib/http/action-result";

function describe(result: ActionResult): string | undefined {
  if (result.ok) return result.message;
  // Field problems are shown beside their fields; repeating them here would be noise.
  return result.fieldErrors && Object.keys(result.fieldErrors).length
    ? "Nothing was saved: see the marked fields."
    : result.error;
}

/** The outcome of a server action, announced to screen readers. */
export function ActionMessage({ result }: { result: ActionResult | null }) {
  return (
    <p role="status" aria-live="polite" className={result?.ok ? "success" : "error"}>
      {result ? describe(result) : null}
    </p>
  );
}
