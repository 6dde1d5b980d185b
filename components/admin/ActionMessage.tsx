import type { ActionResult } from "@/lib/http/action-result";

/** The outcome of a server action, announced to screen readers. */
export function ActionMessage({ result }: { result: ActionResult | null }) {
  return (
    <p role="status" aria-live="polite" className={result?.ok ? "success" : "error"}>
      {result ? (result.ok ? result.message : result.error) : null}
    </p>
  );
}
