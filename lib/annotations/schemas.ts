import { z } from "zod";
import { idSchema, int4, int4Param, isCalendarDateOrTimestamp, safeString } from "../validation";
import { LIMITS } from "./limits";

// The limits live apart from the schemas, so client code can show them without loading zod (#15).
export { LIMITS };

/** Optional free text: trimmed, empty means absent (null), bounded. */
export const optionalText = (max: number, label: string) =>
  safeString(label)
    .trim()
    .max(max, `${label} is too long (${max} characters at most)`)
    .nullish()
    .transform((value) => value || null);

export const requiredText = (max: number, label: string) =>
  safeString(label, `${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is too long (${max} characters at most)`);

/** http(s) only: javascript:, data: and every other scheme are refused. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const HTTP_URL_MESSAGE = "Enter a full http:// or https:// link";

export const httpUrlSchema = safeString("URL", "URL is required")
  .trim()
  .min(1, "URL is required")
  .max(LIMITS.url, `URL is too long (${LIMITS.url} characters at most)`)
  .refine(isHttpUrl, HTTP_URL_MESSAGE);

/** "2026-11-01" or a full ISO timestamp, on a day that exists (lib/validation.ts). */
export const isIsoDate = isCalendarDateOrTimestamp;

export const sourceInputSchema = z.object({
  url: httpUrlSchema,
  title: optionalText(LIMITS.sourceTitle, "Title"),
  publisher: optionalText(LIMITS.publisher, "Publisher"),
  excerpt: optionalText(LIMITS.excerpt, "Excerpt"),
  archiveUrl: optionalText(LIMITS.url, "Archive URL").refine(
    (value) => value === null || isHttpUrl(value),
    HTTP_URL_MESSAGE,
  ),
  accessedAt: optionalText(40, "Accessed date")
    .refine((value) => value === null || isIsoDate(value), "Accessed date must be YYYY-MM-DD")
    .transform((value) => (value ? new Date(value) : null)),
});

const verdictKeySchema = safeString("Verdict", "Verdict is required")
  .trim()
  .min(1, "Verdict is required")
  .max(64, "Unknown verdict");
const sourcesSchema = z
  .array(sourceInputSchema, { message: "Sources must be a list" })
  .max(LIMITS.sources, `At most ${LIMITS.sources} sources`);

const OBJECT_BODY = { error: "The body must be a JSON object" };

/** POST /api/articles/:id/annotations, and the annotate form. Prefix and suffix are derived. */
export const createAnnotationSchema = z.object(
  {
    revisionId: idSchema,
    start: int4("start"),
    end: int4("end"),
    quote: safeString("quote", "quote is required")
      .min(1, "quote is required")
      .max(LIMITS.quote, `quote is too long (${LIMITS.quote} characters at most)`),
    claim: requiredText(LIMITS.claim, "Claim"),
    claimant: optionalText(LIMITS.claimant, "Claimant"),
    verdict: verdictKeySchema,
    rationale: optionalText(LIMITS.rationale, "Rationale"),
    sources: sourcesSchema.optional().default([]),
    note: optionalText(LIMITS.note, "Note"),
    /** "Checked before": the approved or published annotation this check reuses… */
    reusedFrom: idSchema.optional(),
    /** …or the reference check (lib/references). */
    reusedFromReference: idSchema.optional(),
  },
  OBJECT_BODY,
);

/** PATCH /api/annotations/:id: the version it is based on and the fields to change. */
export const updateAnnotationSchema = z
  .object(
    {
      version: int4("version", 1),
      claim: requiredText(LIMITS.claim, "Claim").optional(),
      claimant: optionalText(LIMITS.claimant, "Claimant").optional(),
      verdict: verdictKeySchema.optional(),
      rationale: optionalText(LIMITS.rationale, "Rationale").optional(),
      sources: sourcesSchema.optional(),
    },
    OBJECT_BODY,
  )
  .strict();

/** POST /api/annotations/:id/corrections: the public note that says what the correction changes. */
export const startCorrectionSchema = z
  .object({ note: requiredText(LIMITS.claim, "Correction note") }, OBJECT_BODY)
  .strict();

/** POST /api/annotations/:id/retraction: why the desk withdraws a published check (shown on its public page). */
export const retractionSchema = z
  .object({ note: requiredText(LIMITS.claim, "Retraction note"), version: int4("version", 1) }, OBJECT_BODY)
  .strict();

/** DELETE /api/annotations/:id[?version=N]: the version comes as query text or, from the UI, a number. */
export const deleteAnnotationSchema = z.object({ version: int4Param("version", 1).optional() });

export const noteInputSchema = z.object(
  {
    body: requiredText(LIMITS.note, "Note"),
    parentId: idSchema.nullish(),
  },
  OBJECT_BODY,
);

/** PATCH /api/annotations/:id/notes/:noteId: the new body and the version it was written on. */
export const noteUpdateSchema = z
  .object({ body: requiredText(LIMITS.note, "Note"), version: int4("version", 1) }, OBJECT_BODY)
  .strict();

/** DELETE /api/annotations/:id/notes/:noteId[?version=N]: without a version the delete is unconditional, as for annotations. */
export const noteDeleteSchema = z.object({ version: int4Param("version", 1).optional() });

export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
export type SourceInput = z.input<typeof sourceInputSchema>;
