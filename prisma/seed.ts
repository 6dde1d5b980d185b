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
import { anchorFor } from "../lib/anchoring/anchor";
import type { Prisma } from "../lib/db/generated/client";

type Tx = Prisma.TransactionClient;

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
  const paragraphs = rest
    .join("\n")
    .split("\n\n")
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim());
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
        // So the public pages show something after `npm start` (seedPublishedCheck below).
        publicPages: true,
        // The demo's articles are English: stem and drop English stop words in search (#13).
        searchLanguage: "english",
        verdictScale: {
          create: {
            name: "Default scale",
            options: { create: DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })) },
          },
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
    await seedPublishedCheck(tx, { workspaceId: workspace.id, reviewerId: users[2].id, editorId: users[1].id });
  });
  return true;
}

export const PUBLISHED_DEMO = {
  title: "Council keeps bus fares flat for 2027",
  paragraphs: [
    "The city council voted on Tuesday to keep bus fares at €1.80 for another year.",
    "“Ridership has doubled since 2020, so the network pays for itself,” the transport committee's chair, Dana Ortiz, told the meeting.",
    "The fare freeze costs the city an estimated €4 million a year.",
  ],
  quote: "Ridership has doubled since 2020",
  claim: "Bus ridership in the city has doubled since 2020.",
};

/**
 * A second, small article with one check taken through review to PUBLISHED, so the public pages
 * (`/checks/<id>`, `/read/<id>`, the feed) have something to show on a fresh install. Its own
 * article, so the APEC article stays blank for people trying the annotator.
 */
async function seedPublishedCheck(tx: Tx, people: { workspaceId: string; reviewerId: string; editorId: string }) {
  const body = paragraphsToValue([...PUBLISHED_DEMO.paragraphs]);
  const text = canonicalText(body);
  const start = text.indexOf(PUBLISHED_DEMO.quote);
  const article = await tx.article.create({
    data: {
      workspaceId: people.workspaceId,
      title: PUBLISHED_DEMO.title,
      outlet: "Example City News",
      section: "Local",
      createdById: people.editorId,
      revisions: { create: { number: 1, body, text, textHash: textHash(text), createdById: people.editorId } },
    },
    include: { revisions: true },
  });
  const option = await tx.verdictOption.findFirstOrThrow({
    where: { key: "mostly-false", scale: { workspaceId: people.workspaceId } },
  });
  const now = new Date();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  await tx.annotation.create({
    data: {
      workspaceId: people.workspaceId,
      articleId: article.id,
      revisionId: article.revisions[0].id,
      ...anchorFor(text, start, start + PUBLISHED_DEMO.quote.length),
      claim: PUBLISHED_DEMO.claim,
      claimant: "Dana Ortiz, chair of the transport committee",
      verdictOptionId: option.id,
      rationale:
        "The transport authority's annual reports count 41.2 million trips in 2020 and 58.9 million in 2025: a rise of 43%, not " +
        "100%.\n\nRidership did double from its low in spring 2020, but the chair compared whole years.",
      status: "PUBLISHED",
      authorId: people.reviewerId,
      version: 4,
      submittedAt: at(5),
      approvedAt: at(3),
      publishedAt: at(2),
      createdAt: at(6),
      sources: {
        create: [
          {
            url: "https://transport.example.org/reports/2025",
            title: "Annual report 2025",
            publisher: "City Transport Authority",
            excerpt: "Total trips: 58.9 million",
            archiveUrl: "https://archive.example.org/transport-2025",
            accessedAt: at(6),
            position: 0,
          },
          {
            url: "https://transport.example.org/reports/2020",
            title: "Annual report 2020",
            publisher: "City Transport Authority",
            excerpt: "Total trips: 41.2 million",
            position: 1,
          },
        ],
      },
      reviews: {
        create: [
          { editorId: people.reviewerId, fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: at(5) },
          { editorId: people.editorId, fromStatus: "SUBMITTED", toStatus: "APPROVED", createdAt: at(3) },
          { editorId: people.editorId, fromStatus: "APPROVED", toStatus: "PUBLISHED", createdAt: at(2) },
        ],
      },
    },
  });
}
