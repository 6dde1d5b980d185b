import { z } from "zod";
import { AppError } from "./errors";

/** "email: Enter a valid email address; password: Required" — readable, one line. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
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
