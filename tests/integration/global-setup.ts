import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "../../scripts/lib/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

/** One fresh, migrated database for the run; every test makes its own workspace inside it. */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("it", 54331);
  project.provide("databaseUrl", database.url);
  project.provide("serverUrl", database.serverUrl);
  return () => database.dispose();
}
