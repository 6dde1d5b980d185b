import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation } from "@/lib/annotations/annotations";
import { createArticle, createWorkspace } from "../support/factories";

const TSX = path.resolve("node_modules/.bin/tsx");

/** Runs `npm run export|import -- ...args` as a user would (same entry points), against the test database. */
async function run(
  tool: "export" | "import",
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      TSX,
      ["--conditions=react-server", `scripts/cli/${tool}.ts`, ...args],
      { env: { ...process.env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("command line export and import", () => {
  // Each run starts a tsx process (2–3 s on these machines while other test files run, more on a
  // loaded one): three in turn, then six at once.
  it(
    "exports a workspace to a file and imports it into another desk's article, with clear exit codes",
    { timeout: 120_000 },
    async () => {
      const source = await createWorkspace("CLI source");
      const paragraphs = ["Inflation hit 9% in May, the minister said."];
      const article = await createArticle({ workspaceId: source.workspace.id, paragraphs });
      const text = article.revisions[0].text;
      await createAnnotation({
        actor: source.reviewer,
        articleId: article.id,
        input: {
          revisionId: article.revisions[0].id,
          start: text.indexOf("9%"),
          end: text.indexOf("9%") + 2,
          quote: "9%",
          claim: "Inflation 9%",
          verdict: "mostly-true",
        },
      });
      const dir = mkdtempSync(path.join(tmpdir(), "factmark-cli-"));
      const file = path.join(dir, "export.json");

      const exported = await run("export", ["--workspace", source.workspace.slug, "--format", "native", "--out", file]);
      expect(exported).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote 1 annotation to ${file}`) });
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
        format: "factmark.v1",
        annotations: [{ claim: "Inflation 9%" }],
      });

      const target = await createWorkspace("CLI target");
      const into = await createArticle({ workspaceId: target.workspace.id, paragraphs });
      const imported = await run("import", ["--article", into.id, file]);
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toEqual({ imported: 1, skipped: 0, unanchored: 0 });
      expect(await db.annotation.count({ where: { articleId: into.id } })).toBe(1);
      expect(JSON.parse((await run("import", ["--article", into.id, file])).stdout)).toEqual({
        imported: 0,
        skipped: 1,
        unanchored: 0,
      });

      // Refused input (exit 1, the reasons on stderr, nothing written) and wrong usage (exit 2, the
      // usage text). The runs are independent of each other, so they go at once.
      const empty = path.join(dir, "empty.json");
      writeFileSync(empty, JSON.stringify({ format: "factmark.v1", annotations: [] }));
      const notJson = path.join(dir, "not.json");
      writeFileSync(notJson, "{ not json");
      const [refused, unreadable, noDesk, badFormat, exportUsage, importUsage] = await Promise.all([
        run("import", ["--article", into.id, empty]),
        run("import", ["--article", into.id, notJson]),
        run("export", ["--workspace", "no-such-desk", "--format", "w3c", "--out", path.join(dir, "none.json")]),
        run("export", ["--workspace", source.workspace.slug, "--format", "csv", "--out", path.join(dir, "csv.json")]),
        run("export", ["--format", "w3c"]),
        run("import", ["--article", into.id]),
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/error: The file has \d+ problems; nothing was imported\n {2}file: /);
      expect(unreadable).toMatchObject({ code: 1, stderr: expect.stringContaining("is not valid JSON") });
      expect(noDesk).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('No workspace has the slug "no-such-desk"'),
      });
      expect(badFormat).toMatchObject({ code: 1, stderr: expect.stringContaining("format must be one of") });
      expect(await db.annotation.count({ where: { articleId: into.id } })).toBe(1);
      expect(exportUsage).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run export") });
      expect(importUsage).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run import") });
    },
  );
});
