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
async function run(tool: "export" | "import", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ["--conditions=react-server", `scripts/cli/${tool}.ts`, ...args], { env: { ...process.env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("command line export and import", () => {
  // Each run starts a tsx process (2–3 s on these machines while other test files run): allow for nine.
  it("exports a workspace to a file and imports it into another desk's article, with clear exit codes", { timeout: 120_000 }, async () => {
    const source = await createWorkspace("CLI source");
    const paragraphs = ["Inflation hit 9% in May, the minister said."];
    const article = await createArticle({ workspaceId: source.workspace.id, paragraphs });
    const text = article.revisions[0].text;
    await createAnnotation({ actor: source.reviewer, articleId: article.id, input: { revisionId: article.revisions[0].id, start: text.indexOf("9%"), end: text.indexOf("9%") + 2, quote: "9%", claim: "Inflation 9%", verdict: "mostly-true" } });
    const dir = mkdtempSync(path.join(tmpdir(), "factmark-cli-"));
    const file = path.join(dir, "export.json");

    const exported = await run("export", ["--workspace", source.workspace.slug, "--format", "native", "--out", file]);
    expect(exported).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote 1 annotation to ${file}`) });
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ format: "factmark.v1", annotations: [{ claim: "Inflation 9%" }] });

    const target = await createWorkspace("CLI target");
    const into = await createArticle({ workspaceId: target.workspace.id, paragraphs });
    const imported = await run("import", ["--article", into.id, file]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 1, skipped: 0, unanchored: 0 });
    expect(await db.annotation.count({ where: { articleId: into.id } })).toBe(1);
    expect(JSON.parse((await run("import", ["--article", into.id, file])).stdout)).toEqual({ imported: 0, skipped: 1, unanchored: 0 });

    // Refused input: exit 1 with the reasons on stderr, nothing written.
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "factmark.v1", annotations: [] }));
    const refused = await run("import", ["--article", into.id, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: The file has \d+ problems; nothing was imported\n {2}file: /);
    writeFileSync(bad, "{ not json");
    expect(await run("import", ["--article", into.id, bad])).toMatchObject({ code: 1, stderr: expect.stringContaining("is not valid JSON") });
    expect(await run("export", ["--workspace", "no-such-desk", "--format", "w3c", "--out", file])).toMatchObject({ code: 1, stderr: expect.stringContaining('No workspace has the slug "no-such-desk"') });
    expect(await run("export", ["--workspace", source.workspace.slug, "--format", "csv", "--out", file])).toMatchObject({ code: 1, stderr: expect.stringContaining("format must be one of") });
    expect(await db.annotation.count({ where: { articleId: into.id } })).toBe(1);

    // Wrong usage: exit 2 with the usage text.
    expect(await run("export", ["--format", "w3c"])).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run export") });
    expect(await run("import", ["--article", into.id])).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run import") });
  });
});
