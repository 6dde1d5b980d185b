// The demo workspace a fresh install ships with. Runs only against an empty database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../lib/db/create-client";
import { hashPassword } from "../lib/auth/password";
import { paragraphsToValue } from "../lib/articles/slate-value";
import { canonicalText } from "../lib/anchoring/canonical-text";
import { textHash } from "../lib/articles/text-hash";
import { DEFAULT_VERDICT_OPTIONS } from "../lib/verdicts/default-scale";

export const DEMO_PASSWORD = "factmark-demo";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "editor@example.com", name: "Eddie Editor", role: "EDITOR" },
  { email: "reviewer@example.com", name: "Riley Reviewer", role: "REVIEWER" },
  { email: "reviewer2@example.com", name: "Robin Reviewer", role: "REVIEWER" },
] as const;

const seedDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed-data");

/**
 * The seed article file: section on the first line, headline on the third, then paragraphs
 * separated by blank lines. Paragraph text is kept exactly (trailing no-break spaces included).
 */
export function readDemoArticle() {
  const lines = readFileSync(path.join(seedDir, "apec-article.txt"), "utf8").split("\n");
  const [section, , title, ...rest] = lines;
  const paragraphs = rest.join("\n").split("\n\n").map((p) => p.replace(/^\n+|\n+$/g, "")).filter((p) => p.trim());
  return { section: section.trim(), title: title.trim(), paragraphs };
}

/** True when the database holds no workspace and no user: the only state the seed touches. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [workspaces, users] = await Promise.all([db.workspace.count(), db.user.count()]);
  return workspaces === 0 && users === 0;
}

/** Seeds the "Demo desk" workspace in one transaction. Returns false if the database had data. */
export async function seedDemoWorkspace(db: PrismaClient): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const article = readDemoArticle();
  const body = paragraphsToValue(article.paragraphs);
  const text = canonicalText(body);

  await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: {
        slug: "demo-desk",
        name: "Demo desk",
        verdictScale: {
          create: { name: "Default scale", options: { create: DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })) } },
        },
      },
    });
    const users = [];
    for (const user of DEMO_USERS) {
      users.push(
        await tx.user.create({
          data: {
            email: user.email,
            name: user.name,
            passwordHash,
            memberships: { create: { workspaceId: workspace.id, role: user.role } },
          },
        }),
      );
    }
    await tx.article.create({
      data: {
        workspaceId: workspace.id,
        title: article.title,
        section: article.section,
        createdById: users[0].id,
        revisions: { create: { number: 1, body, text, textHash: textHash(text), createdById: users[0].id } },
      },
    });
  });
  return true;
}
