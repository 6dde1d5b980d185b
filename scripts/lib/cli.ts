// What the command-line tools share: the database, their exit codes, and error reporting.
import { AppError } from "../../lib/errors";
import { openAppDatabase } from "./database";

/** 0 done; 1 refused or failed (the reasons are on stderr); 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function usage(text: string, problem?: string): never {
  if (problem) console.error(`error: ${problem}`);
  console.error(text);
  process.exit(EXIT.usage);
}

/**
 * Runs a tool against the app's database (see openAppDatabase) and exits with its code. An AppError
 * is reported with its message and every listed problem; anything else with its stack.
 */
export async function runTool(run: () => Promise<number>): Promise<never> {
  const database = await openAppDatabase();
  process.env.DATABASE_URL = database.url;
  let code: number = EXIT.failed;
  try {
    code = await run();
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      const problems =
        (error.details as { problems?: { index: number | null; reason: string }[] } | undefined)?.problems ?? [];
      for (const problem of problems)
        console.error(`  ${problem.index === null ? "file" : `item ${problem.index}`}: ${problem.reason}`);
    } else {
      console.error(error);
    }
  } finally {
    // Exiting closes the client's connections; an embedded server we started is stopped first.
    await database.embedded?.stop();
  }
  process.exit(code);
}
