import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// The W3C Web Annotation conformance assertions (web-platform-tests) and their checker, copied
// verbatim from the workplace's shared folder into tests/w3c-annotation-model (see SOURCE.md
// there) so a fresh clone runs them. Output is captured: its "N passed, M failed" line is its own.
const CHECKER = path.resolve("tests/w3c-annotation-model/check.mjs");

/** Runs the MUST-level assertions on a document (an Annotation, AnnotationCollection or AnnotationPage). */
export async function checkW3c(document: unknown): Promise<{ exitCode: number; output: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "factmark-w3c-")), "export.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  try {
    const { stdout } = await promisify(execFile)("node", [CHECKER, "--level", "must", file], {
      env: { ...process.env, AJV_FROM: process.cwd() },
    });
    return { exitCode: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, output: failed.stdout + failed.stderr };
  }
}
