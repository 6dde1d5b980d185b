import { z } from "zod";
import { AnnotationStatus } from "../db/generated/enums";
import { LIMITS } from "../annotations/schemas";

/**
 * The factmark.v1 document, defined once: exports are built to it, imports are checked against it,
 * and `/api/schema/factmark.v1.json` serves it as JSON Schema. Additive changes (a new optional
 * field) keep the version; anything that changes or removes a field is factmark.v2.
 */
export const NATIVE_FORMAT = "factmark.v1";

const timestamp = z.iso.datetime({ offset: true, message: "must be an ISO 8601 timestamp" });
const nullableText = (max: number) => z.string().max(max).nullable();
const person = z.object({
  name: z.string().max(200),
  email: z.email().optional().meta({ description: "Only in exports made by an admin." }),
});
const status = z.enum(Object.values(AnnotationStatus));

export const nativeSourceSchema = z.object({
  url: z.string().max(LIMITS.url),
  title: nullableText(LIMITS.sourceTitle),
  publisher: nullableText(LIMITS.publisher),
  excerpt: nullableText(LIMITS.excerpt),
  archiveUrl: nullableText(LIMITS.url),
  accessedAt: z.iso.date().nullable(),
});

export const nativeNoteSchema = z.object({
  id: z.string().min(1).max(200),
  parentId: z.string().min(1).max(200).nullable(),
  author: person,
  body: nullableText(LIMITS.note).meta({ description: "Null for a deleted note kept only because it has replies." }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const nativeAnnotationSchema = z.object({
  id: z.string().min(1).max(200),
  articleId: z.string().min(1).max(200),
  revisionId: z.string().min(1).max(200),
  anchor: z
    .object({
      start: z.int().min(0),
      end: z.int().min(0),
      quote: z.string().min(1).max(LIMITS.quote),
      prefix: z.string().max(200),
      suffix: z.string().max(200),
    })
    .meta({ description: "Offsets in UTF-16 code units of the revision's canonical text, end exclusive." }),
  claim: z.string().min(1).max(LIMITS.claim),
  claimant: nullableText(LIMITS.claimant),
  verdict: z.object({
    key: z.string().min(1).max(64),
    label: z.string().max(200),
    rating: z.int().nullable(),
    worstRating: z.int().nullable(),
    bestRating: z.int().nullable(),
  }),
  rationale: nullableText(LIMITS.rationale),
  status,
  correction: z
    .object({ corrects: z.string().min(1).max(200), note: z.string().max(LIMITS.claim) })
    .nullable()
    .optional()
    .meta({
      description:
        "Set when this annotation corrects a published one (by id), with the public correction note. Added after the first factmark.v1 " +
        "files: absent means none.",
    }),
  reusedFrom: z
    .object({
      annotationId: z.string().min(1).max(200).nullable(),
      referenceUrl: z.string().max(LIMITS.url).nullable(),
    })
    .nullable()
    .optional()
    .meta({
      description:
        'Set when this check started from an earlier one ("Checked before" → Reuse): that annotation\'s id in the exporting workspace, or ' +
        "the URL of the reference check (a ClaimReview) it reused. Added after the first factmark.v1 files: absent means none.",
    }),
  author: person,
  sources: z.array(nativeSourceSchema).max(LIMITS.sources),
  notes: z.array(nativeNoteSchema).max(1_000),
  reviews: z.array(
    z.object({
      fromStatus: status,
      toStatus: status,
      comment: z.string().max(LIMITS.note).nullable(),
      editor: person,
      createdAt: timestamp,
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const nativeArticleSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(1_000),
  outlet: z.string().max(1_000).nullable(),
  author: z.string().max(1_000).nullable(),
  url: z.string().max(LIMITS.url).nullable(),
  section: z.string().max(1_000).nullable(),
  publishedAt: timestamp.nullable(),
  revision: z.object({
    id: z.string().min(1).max(200),
    number: z.int().min(1),
    textHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: "SHA-256 (hex) of the revision's canonical text: blocks joined by two newlines." }),
  }),
});

export const nativeDocumentSchema = z
  .object({
    format: z.literal(NATIVE_FORMAT),
    exportedAt: timestamp,
    workspace: z.object({ slug: z.string(), name: z.string() }),
    verdictScale: z.object({
      name: z.string(),
      worstRating: z.int().nullable(),
      bestRating: z.int().nullable(),
      options: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          color: z.string(),
          rating: z.int().nullable(),
          retired: z.boolean(),
        }),
      ),
    }),
    articles: z.array(nativeArticleSchema),
    annotations: z.array(nativeAnnotationSchema),
  })
  .meta({ title: "Factmark export, format factmark.v1" });

export type NativeDocument = z.infer<typeof nativeDocumentSchema>;
export type NativeAnnotation = z.infer<typeof nativeAnnotationSchema>;
export type NativeArticle = z.infer<typeof nativeArticleSchema>;

/** The served JSON Schema (draft 2020-12), built from the zod schema above. */
export function nativeJsonSchema(schemaUrl: string) {
  return { ...z.toJSONSchema(nativeDocumentSchema, { target: "draft-2020-12" }), $id: schemaUrl };
}
