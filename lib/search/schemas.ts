import { z } from "zod";
import { AnnotationStatus } from "../db/generated/enums";
import { calendarDate, idSchema, int4Param, safeString } from "../validation";
import { MAX_QUERY_LENGTH } from "./terms";

export const SEARCH_TYPES = ["annotation", "note", "source", "article", "reference"] as const;
const STATUSES = Object.values(AnnotationStatus);

/** "a,b" or ["a", "b"] (a repeated query parameter) to a list without blanks. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (value) => {
        const values = typeof value === "string" ? value.split(",").filter(Boolean) : value;
        // "type=" or "type=," (a blank form field) means no filter, not "none of them".
        return Array.isArray(values) && values.length === 0 ? undefined : values;
      },
      z.array(item).max(50, "At most 50 values"),
    )
    .optional();

/** The query of `GET /api/search` and the /search page. */
export const searchQuerySchema = z
  .object({
    q: safeString("q").max(MAX_QUERY_LENGTH, `q is too long (at most ${MAX_QUERY_LENGTH} characters)`).optional(),
    type: list(z.enum(SEARCH_TYPES, { message: `type must be one of ${SEARCH_TYPES.join(", ")}` })),
    verdict: list(safeString("verdict").trim().min(1, "verdict must not be empty").max(64, "verdict: unknown key")),
    status: list(z.enum(STATUSES, { message: `status must be one of ${STATUSES.join(", ")}` })),
    reviewer: list(idSchema),
    claimant: safeString("claimant").max(200, "claimant is too long (at most 200 characters)").optional(),
    outlet: safeString("outlet").max(200, "outlet is too long (at most 200 characters)").optional(),
    from: calendarDate("from").optional(),
    to: calendarDate("to").optional(),
    cursor: z.string({ message: "cursor must be text" }).max(200, "cursor is not valid").optional(),
    limit: int4Param("limit", 1).pipe(z.number().max(50, "limit must be at most 50")).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type SearchQuery = z.output<typeof searchQuerySchema>;

/** The query of `GET /api/claims/similar`. */
export const similarQuerySchema = z.object({
  text: safeString("text").trim().min(1, "text is required").max(2000, "text is too long (at most 2,000 characters)"),
  claimant: safeString("claimant").max(200, "claimant is too long (at most 200 characters)").optional(),
  limit: int4Param("limit", 1).pipe(z.number().max(20, "limit must be at most 20")).optional(),
  /** Leave this annotation out (the detail panel asks for checks like the one it shows). */
  exclude: idSchema.optional(),
});
