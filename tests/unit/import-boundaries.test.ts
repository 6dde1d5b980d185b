import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's ESLint config keeps Node built-ins and server code out of the client bundle:
// a node:crypto import in lib/anchoring once shipped a 458 KB polyfill to the article page (#15).
const eslint = new ESLint();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId?.endsWith("no-restricted-imports")).map((m) => m.message);
}

// Loading the config and its plugins takes seconds on a busy machine, before the first lint.
describe("import boundaries", { timeout: 60_000 }, () => {
  it("keeps Node built-ins out of lib/anchoring, with or without the node: prefix", async () => {
    expect(
      await restrictedImports(
        'import { createHash } from "node:crypto";\nexport const h = createHash;\n',
        "lib/anchoring/probe.ts",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'import { createHash } from "crypto";\nexport const h = createHash;\n',
        "lib/anchoring/probe.ts",
      ),
    ).toHaveLength(1);
  });

  it("keeps lib/anchoring from importing our code outside it, types excepted", async () => {
    expect(
      await restrictedImports(
        'import { textHash } from "../articles/text-hash";\nexport const h = textHash;\n',
        "lib/anchoring/probe.ts",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'import { textHash } from "@/lib/articles/text-hash";\nexport const h = textHash;\n',
        "lib/anchoring/probe.ts",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'import type { ArticleValue } from "../articles/slate-value";\nimport { blockText } from "./canonical-text";\nexport type V = ' +
          "ArticleValue;\nexport const b = blockText;\n",
        "lib/anchoring/probe.ts",
      ),
    ).toEqual([]);
  });

  it("keeps components off lib/db, types included", async () => {
    expect(
      await restrictedImports(
        'import { createPrismaClient } from "@/lib/db/create-client";\nexport const c = createPrismaClient;\n',
        "components/Probe.tsx",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'import type { AnnotationStatus } from "@/lib/db/generated/enums";\nexport type S = AnnotationStatus;\n',
        "components/Probe.tsx",
      ),
    ).toHaveLength(1);
  });
});
