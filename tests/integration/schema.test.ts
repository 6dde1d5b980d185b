import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createArticle, createWorkspace } from "../support/factories";

describe("migrations", () => {
  it("applied every migration folder to the fresh database", async () => {
    const folders = readdirSync("prisma/migrations")
      .filter((name) => /^\d+_/.test(name))
      .sort();
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(applied.map((row) => row.migration_name)).toEqual(folders);
  });

  it("matches the schema: every model can be written and read back with its relations", async () => {
    const { workspace, options, admin, editor, reviewer } = await createWorkspace();
    const article = await createArticle({ workspaceId: workspace.id });
    const revision = article.revisions[0];
    const annotation = await db.annotation.create({
      data: {
        workspaceId: workspace.id,
        articleId: article.id,
        revisionId: revision.id,
        start: 0,
        end: 5,
        quote: "First",
        prefix: "",
        suffix: " paragraph.",
        claim: "It is the first paragraph",
        claimant: "The author",
        verdictOptionId: options[0].id,
        rationale: "Counted.",
        status: "SUBMITTED",
        authorId: reviewer.userId,
        sources: {
          create: {
            url: "https://example.org/a",
            title: "A",
            publisher: "Example",
            excerpt: "quote",
            archiveUrl: "https://archive.example/a",
            accessedAt: new Date("2026-01-02"),
            kind: "PRIMARY",
          },
        },
      },
    });
    const note = await db.note.create({
      data: { annotationId: annotation.id, authorId: reviewer.userId, body: "Is this right?" },
    });
    await db.note.create({
      data: { annotationId: annotation.id, parentId: note.id, authorId: editor.userId, body: "Yes." },
    });
    await db.review.create({
      data: {
        annotationId: annotation.id,
        editorId: editor.userId,
        fromStatus: "SUBMITTED",
        toStatus: "APPROVED",
        comment: "Good",
      },
    });
    await db.auditEvent.create({
      data: {
        workspaceId: workspace.id,
        actorId: admin.userId,
        entityType: "annotation",
        entityId: annotation.id,
        action: "create",
        after: { claim: annotation.claim },
      },
    });
    await db.loginFailure.create({ data: { email: "x@test.example", ip: "127.0.0.1" } });
    const token = await db.apiToken.create({
      data: {
        workspaceId: workspace.id,
        name: "Partner",
        tokenHash: "0".repeat(64),
        prefix: "fmk_abcdef",
        createdById: admin.userId,
      },
    });
    expect(
      await db.apiToken.findUniqueOrThrow({ where: { id: token.id }, include: { workspace: true, createdBy: true } }),
    ).toMatchObject({ workspace: { id: workspace.id }, createdBy: { id: admin.userId } });

    const loaded = await db.annotation.findUniqueOrThrow({
      where: { id: annotation.id },
      include: {
        sources: true,
        notes: { include: { replies: true }, where: { parentId: null } },
        reviews: true,
        verdictOption: { include: { scale: true } },
        revision: { include: { article: { include: { workspace: { include: { memberships: true } } } } } },
        author: true,
      },
    });
    expect(loaded.sources[0]).toMatchObject({ kind: "PRIMARY", url: "https://example.org/a" });
    expect(loaded.notes).toHaveLength(1);
    expect(loaded.notes[0].replies.map((r) => r.body)).toEqual(["Yes."]);
    expect(loaded.reviews[0]).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "APPROVED" });
    expect(loaded.verdictOption).toMatchObject({ key: "true", rating: 6, scale: { workspaceId: workspace.id } });
    expect(loaded.revision.article.workspace.memberships).toHaveLength(3);
    expect(loaded.author.id).toBe(reviewer.userId);
    expect(await db.auditEvent.count({ where: { entityId: annotation.id } })).toBe(1);
  });

  it("enforces the unique constraints later features rely on", async () => {
    const { workspace, options, reviewer } = await createWorkspace();
    await expect(
      db.verdictOption.create({
        data: { scaleId: options[0].scaleId, key: "true", label: "Dup", color: "#000000", position: 99 },
      }),
    ).rejects.toThrow();
    await expect(
      db.membership.create({ data: { workspaceId: workspace.id, userId: reviewer.userId, role: "ADMIN" } }),
    ).rejects.toThrow();
    const article = await createArticle({ workspaceId: workspace.id });
    await expect(
      db.articleRevision.create({ data: { articleId: article.id, number: 1, body: [], text: "", textHash: "" } }),
    ).rejects.toThrow();
    // Imports are idempotent by (article, source id).
    const imported = {
      workspaceId: workspace.id,
      articleId: article.id,
      revisionId: article.revisions[0].id,
      start: 0,
      end: 5,
      quote: "First",
      prefix: "",
      suffix: "",
      claim: "c",
      verdictOptionId: options[0].id,
      authorId: reviewer.userId,
      externalId: "ext-1",
    };
    await db.annotation.create({ data: imported });
    await expect(db.annotation.create({ data: imported })).rejects.toThrow();
  });
});
