import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { dropDatabase, ensureDatabase, migrate } from "../../scripts/lib/database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { verifyPassword } from "@/lib/auth/password";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { DEMO_PASSWORD, DEMO_USERS, PUBLISHED_DEMO, readDemoArticle, seedDemoWorkspace } from "../../prisma/seed";

// The seed only runs on an empty database, so it gets one of its own beside the shared one.
const serverUrl = inject("serverUrl");
const name = `factmark_seed_${Date.now()}`;
let db: PrismaClient;

beforeAll(async () => {
  const url = await ensureDatabase(serverUrl, name);
  await migrate(url);
  db = createPrismaClient(url);
});

afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(serverUrl, name);
});

describe("seedDemoWorkspace", () => {
  it("seeds the demo desk once, and never again over existing data", async () => {
    expect(await seedDemoWorkspace(db)).toBe(true);

    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: "demo-desk" },
      include: {
        memberships: { include: { user: true } },
        verdictScale: { include: { options: { orderBy: { position: "asc" } } } },
        articles: { include: { revisions: true } },
      },
    });
    expect(workspace.name).toBe("Demo desk");
    const roles = Object.fromEntries(workspace.memberships.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual(Object.fromEntries(DEMO_USERS.map((u) => [u.email, u.role])));
    for (const membership of workspace.memberships) {
      expect(await verifyPassword(membership.user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }

    const options = workspace.verdictScale!.options;
    expect(options.map((o) => o.key)).toEqual([
      "true",
      "mostly-true",
      "mixed",
      "misleading",
      "mostly-false",
      "false",
      "unverifiable",
    ]);
    expect(options.map((o) => o.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(options.every((o) => /^#[0-9a-f]{6}$/.test(o.color))).toBe(true);
    expect(options.map((o) => o.rating)).toEqual([6, 5, 4, 3, 2, 1, null]);

    const article = workspace.articles.find((a) => a.title !== PUBLISHED_DEMO.title)!;
    expect(article).toMatchObject({
      title: "White House: Trump will not meet formally with Putin",
      section: "Administration",
    });
    const revision = article.revisions[0];
    const expected = readDemoArticle();
    expect(revision.body).toHaveLength(expected.paragraphs.length);
    expect(revision.text).toBe(canonicalText(revision.body as never));
    expect(revision.text).toContain("Sanders blamed “scheduling conflicts on both sides”");

    // Public pages are on, with one published check on an article of its own, so they show something.
    expect(workspace.publicPages).toBe(true);
    expect(workspace.articles).toHaveLength(2);
    const published = await db.annotation.findMany({
      where: { workspaceId: workspace.id },
      include: { article: true },
    });
    expect(published.map((a) => [a.status, a.article.title, a.quote])).toEqual([
      ["PUBLISHED", PUBLISHED_DEMO.title, PUBLISHED_DEMO.quote],
    ]);

    const counts = async () => [await db.workspace.count(), await db.user.count(), await db.article.count()];
    const before = await counts();
    expect(await seedDemoWorkspace(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
