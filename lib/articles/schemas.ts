import { z } from "zod";
import { httpUrlSchema, isIsoDate, optionalText, requiredText } from "../annotations/schemas";
import { BODY_FORMATS } from "./body/parse";
import { safeString } from "../validation";

/** Documented limits (README). */
export const ARTICLE_LIMITS = { title: 300, outlet: 200, author: 200, section: 200 } as const;

const metadata = {
  title: requiredText(ARTICLE_LIMITS.title, "Title"),
  outlet: optionalText(ARTICLE_LIMITS.outlet, "Outlet"),
  author: optionalText(ARTICLE_LIMITS.author, "Author"),
  section: optionalText(ARTICLE_LIMITS.section, "Section"),
  url: z
    .union([z.literal(""), httpUrlSchema])
    .nullish()
    .transform((value) => value || null),
  publishedAt: safeString("Publication date", "Publication date must be YYYY-MM-DD")
    .trim()
    .refine((value) => value === "" || isIsoDate(value), "Publication date must be YYYY-MM-DD")
    .nullish()
    .transform((value) => (value ? new Date(value) : null)),
};

const body = {
  format: z.enum(BODY_FORMATS, { message: `format must be one of ${BODY_FORMATS.join(", ")}` }),
  body: safeString("body", "body is required", { allowNul: true }),
};

const OBJECT_BODY = { error: "The body must be a JSON object" };

/** POST /api/articles and the "Add an article" form. */
export const createArticleSchema = z.object({ ...metadata, ...body }, OBJECT_BODY);

/** PATCH /api/articles/:id: the metadata to change. */
export const updateArticleSchema = z.object(metadata, OBJECT_BODY).partial().strict();

/** POST /api/articles/:id/revisions and the "Revise" form. */
export const reviseArticleSchema = z.object(body, OBJECT_BODY);
