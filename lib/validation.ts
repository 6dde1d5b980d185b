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
