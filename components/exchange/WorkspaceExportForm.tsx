import type { VerdictChoice } from "@/lib/verdicts/queries";
import { VerdictOptions } from "./VerdictOptions";

const STATUSES = [
  ["DRAFT", "Draft"],
  ["SUBMITTED", "Submitted"],
  ["CHANGES_REQUESTED", "Changes requested"],
  ["APPROVED", "Approved"],
  ["PUBLISHED", "Published"],
] as const;

/**
 * The whole workspace's export, filtered. A plain GET form to /api/export: the browser downloads
 * the streamed file and shows its own progress, and the filters end up in a shareable URL.
 */
export function WorkspaceExportForm({ choices }: { choices: VerdictChoice[] }) {
  return (
    <form action="/api/export" method="get" className="form-row" aria-label="Export filters">
      <input type="hidden" name="download" value="1" />
      <div>
        <label htmlFor="export-format">Format</label>
        <select id="export-format" name="format" defaultValue="native">
          <option value="native">Factmark JSON</option>
          <option value="w3c">W3C Web Annotations</option>
          <option value="claimreview">ClaimReview</option>
        </select>
      </div>
      <fieldset>
        <legend>Status (none: all)</legend>
        {STATUSES.map(([value, label]) => (
          <label key={value} className="inline">
            <input type="checkbox" name="status" value={value} /> {label}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="export-verdict">Verdict</label>
        <select id="export-verdict" name="verdict" defaultValue="">
          <VerdictOptions choices={choices} none="Any" />
        </select>
      </div>
      <div>
        <label htmlFor="export-from">Created from</label>
        <input id="export-from" type="date" name="from" />
      </div>
      <div>
        <label htmlFor="export-to">to</label>
        <input id="export-to" type="date" name="to" />
      </div>
      <div>
        <button type="submit" className="primary">
          Download export
        </button>
      </div>
    </form>
  );
}
