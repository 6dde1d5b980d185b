import { z } from "zod";
import { LIMITS, sourceInputSchema } from "../annotations/schemas";
import { safeString } from "../validation";
import type { QuoteSelector } from "../anchoring/locate";

/**
 * One annotation to import, whatever file it came from: what the native and W3C readers produce
 * and the import writes. Positions are already in UTF-16 units of the target text.
 */
export type ImportItem = {
  /** Its position in the file, for problem reports. */
  index: number;
  /** The id it has in its source; re-importing the same id into the same article is skipped. */
  externalId: string;
  selector: QuoteSelector;
  claim: string;
  claimant: string | null;
  /** A verdict key or label of the target workspace's scale; null when the file has none. */
  verdict: string | null;
  rationale: string | null;
  sources: unknown[];
  authorName: string | null;
  notes: ImportNote[];
};

export type ImportNote = {
  externalId: string;
  parentExternalId: string | null;
  authorName: string | null;
  body: string | null;
};

/** A problem with one item (index) or with the file as a whole (index null). */
export type ImportProblem = { index: number | null; reason: string };

const text = (max: number, label: string) =>
  safeString(label).trim().max(max, `${label} is too long (${max} characters at most)`);

/** The content rules every imported annotation meets, the same limits as the annotate form. */
export const importedContentSchema = z.object({
  externalId: safeString("id")
    .min(1, "id is required, so that a re-import can recognise it")
    .max(500, "id is too long"),
  claim: text(LIMITS.claim, "claim").min(1, "claim is required"),
  claimant: text(LIMITS.claimant, "claimant").nullable(),
  rationale: text(LIMITS.rationale, "rationale").nullable(),
  sources: z.array(sourceInputSchema).max(LIMITS.sources, `at most ${LIMITS.sources} sources`),
  authorName: text(200, "author name").nullable(),
  notes: z
    .array(
      z.object({
        externalId: safeString("note id").min(1).max(500),
        parentExternalId: safeString("note parent id").max(500).nullable(),
        authorName: text(200, "note author").nullable(),
        body: text(LIMITS.note, "note").nullable(),
      }),
    )
    .max(1_000, "at most 1,000 notes"),
});

export type ImportedContent = z.output<typeof importedContentSchema>;

/** "sources.0.url: Enter a full http:// or https:// link": every problem of one item, one line each. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
}
