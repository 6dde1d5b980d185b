import { AppError, fromUnexpected } from "../errors";

/** What a server action returns to its form: never throws, never leaks database errors. */
export type ActionResult =
  { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** Runs a server action's body and turns its outcome into an ActionResult. */
export async function toActionResult(run: () => Promise<string | void>): Promise<ActionResult> {
  try {
    const message = await run();
    return { ok: true, message: message ?? undefined };
  } catch (thrown) {
    const error = fromUnexpected(thrown) ?? thrown;
    if (error instanceof AppError) {
      const fieldErrors =
        error.code === "BAD_REQUEST" ? (error.details as Record<string, string[]> | undefined) : undefined;
      return { ok: false, error: error.message, fieldErrors };
    }
    console.error(error);
    return { ok: false, error: "Something went wrong on our side; nothing was changed." };
  }
}
