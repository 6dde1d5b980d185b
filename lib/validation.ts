import { z } from "zod";
import { AppError } from "./errors";

/** "email: Enter a valid email address; password: Required": the first problem of each field, one line. */
export function describeZodError(error: z.ZodError): string {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.join(".");
    if (!byField.has(field)) byField.set(field, field ? `${field}: ${issue.message}` : issue.message);
  }
  return [...byField.values()].join("; ");
}

/** Parses `input` or throws a 400 AppError that names every problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("BAD_REQUEST", describeZodError(result.error), z.flattenError(result.error).fieldErrors);
  }
  return result.data;
}

/** Ids are cuids: reject anything else before it reaches a query. */
export const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "Not a valid id");

// ---- Text --------------------------------------------------------------------------------------
// PostgreSQL refuses U+0000 in text (22021), and a lone surrogate is not Unicode at all (it cannot
// be encoded as UTF-8), so either would fail deep in a query. Every text input is checked here.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain NUL (U+0000) characters";
  if (LONE_SURROGATE.test(value)) return "contains a broken character (an unpaired UTF-16 surrogate)";
  return null;
}

/**
 * A string PostgreSQL can store: no NUL, no lone surrogates. `label` names the field in the
 * message. `allowNul` is for article bodies only, which refuse NUL themselves as a sign of a
 * binary file, with a message that says so.
 */
export const safeString = (label: string, message = `${label} must be text`, options: { allowNul?: boolean } = {}) =>
  z.string({ message }).superRefine((value, context) => {
    const problem = textProblem(options.allowNul ? value.replaceAll("\u0000", "") : value);
    if (problem) context.addIssue({ code: "custom", message: `${label} ${problem}` });
  });

// ---- Dates -------------------------------------------------------------------------------------
// Dates must be real calendar days between 0001-01-01 and 9999-12-31: JavaScript rolls 2026-02-30
// over to March 2 and accepts year 0 and six-digit years, and PostgreSQL or Prisma then fail.

const DAY_MS = 24 * 60 * 60 * 1000;
const LAST_DAY = Date.UTC(9999, 11, 31);

/** True for "YYYY-MM-DD" naming a day that exists, years 0001–9999. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2026-11-01" or a full ISO timestamp ("2026-11-01T10:00:00Z", with offset), on a real day of years 0001–9999. */
export function isCalendarDateOrTimestamp(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(value);
  if (!match || !isCalendarDate(match[1])) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && time >= Date.UTC(1, 0, 1) - DAY_MS && time < LAST_DAY + DAY_MS;
}

/** Midnight UTC of a calendar date (checked by `isCalendarDate`). */
export const startOfDay = (value: string) => new Date(`${value}T00:00:00Z`);

/** The start of the day after, or null past 9999-12-31 (no stored time is that late): an exclusive upper bound that cannot overflow. */
export function startOfNextDay(value: string): Date | null {
  const next = startOfDay(value).getTime() + DAY_MS;
  return next > LAST_DAY ? null : new Date(next);
}

/** A "YYYY-MM-DD" field; the message names it. */
export const calendarDate = (label: string) =>
  z
    .string({ message: `${label} must be a date as YYYY-MM-DD` })
    .refine(isCalendarDate, `${label} must be a real date as YYYY-MM-DD (years 0001–9999)`);

// ---- Whole numbers -----------------------------------------------------------------------------
// Counts, offsets, versions and revision numbers are int4 columns: past 2,147,483,647 PostgreSQL
// refuses the parameter, so the bound is checked before any query.

export const INT4_MAX = 2_147_483_647;

/** A whole number in a JSON body, between `min` and the int4 maximum. */
export const int4 = (label: string, min = 0) =>
  z
    .number({ message: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(INT4_MAX, `${label} is too large (at most ${INT4_MAX})`);

/** A whole number from a path segment or query parameter: digits only (no "1e3", " 1" or "0x10"), then as `int4`. */
export const int4Param = (label: string, min = 0) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^-?\d{1,12}$/.test(value) ? Number(value) : value),
    int4(label, min),
  );
