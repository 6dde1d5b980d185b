import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, getAnnotation } from "@/lib/annotations/annotations";
import { listArticles } from "@/lib/articles/queries";
import { exportAnnotations } from "@/lib/export/export";
import { createApiToken, listApiTokens, loadTokenActor, revokeApiToken } from "@/lib/tokens/tokens";
import { createArticle, createWorkspace } from "../support/factories";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

describe("API tokens", () => {
  it("are shown once, stored only as a hash, and read their own workspace only", async () => {
    const desk = await createWorkspace();
    const other = await createWorkspace();
    await createArticle({ workspaceId: desk.workspace.id, title: "Ours" });
    const theirs = await createArticle({ workspaceId: other.workspace.id, title: "Theirs" });
    const { token, view } = await createApiToken({ actor: desk.admin, input: { name: "Partner" } });
    expect(token).toMatch(/^fmk_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const reader = await loadTokenActor(`Bearer ${token}`);
    expect(reader).toMatchObject({ workspaceId: desk.workspace.id, role: "REVIEWER", tokenId: view.id });
    expect((await listArticles({ actor: reader })).map((a) => a.title)).toEqual(["Ours"]);
    await expect(
      exportAnnotations({ actor: reader, query: { format: "native", article: theirs.id }, urls: URLS }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await listApiTokens({ actor: desk.admin }))[0]).toMatchObject({
      name: "Partner",
      lastUsedAt: expect.any(Date),
      revokedAt: null,
    });
    expect(await listApiTokens({ actor: other.admin })).toEqual([]);
  });

  it("never write: every write function refuses a token actor with 403", async () => {
    const desk = await createWorkspace();
    const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["Taxes rose."] });
    const { token } = await createApiToken({ actor: desk.admin, input: { name: "Reader" } });
    const reader = await loadTokenActor(`Bearer ${token}`);
    const revision = article.revisions[0];
    const input = { revisionId: revision.id, start: 0, end: 5, quote: "Taxes", claim: "c", verdict: "true" };
    await expect(createAnnotation({ actor: reader, articleId: article.id, input })).rejects.toMatchObject({
      status: 403,
      message: "API tokens are read-only; sign in to make changes",
    });
    await expect(createApiToken({ actor: reader, input: { name: "escalate" } })).rejects.toMatchObject({ status: 403 });
    const annotation = await createAnnotation({ actor: desk.reviewer, articleId: article.id, input });
    expect(await getAnnotation({ actor: reader, annotationId: annotation.id })).toMatchObject({ id: annotation.id });
  });

  it("refuse malformed, unknown and revoked tokens with one 401 message", async () => {
    const desk = await createWorkspace();
    const { token, view } = await createApiToken({ actor: desk.admin, input: { name: "Short-lived" } });
    const refused = { status: 401, message: "The API token is not valid (malformed, unknown or revoked)" };
    await expect(loadTokenActor("Bearer nonsense")).rejects.toMatchObject(refused);
    await expect(loadTokenActor(`Basic ${token}`)).rejects.toMatchObject(refused);
    await expect(loadTokenActor(`Bearer fmk_${"A".repeat(43)}`)).rejects.toMatchObject(refused);
    await revokeApiToken({ actor: desk.admin, tokenId: view.id });
    await expect(loadTokenActor(`Bearer ${token}`)).rejects.toMatchObject(refused);
  });

  it("are managed by admins of the workspace only", async () => {
    const desk = await createWorkspace();
    const other = await createWorkspace();
    const { view } = await createApiToken({ actor: desk.admin, input: { name: "Mine" } });
    await expect(createApiToken({ actor: desk.editor, input: { name: "x" } })).rejects.toMatchObject({ status: 403 });
    await expect(createApiToken({ actor: null, input: { name: "x" } })).rejects.toMatchObject({ status: 401 });
    await expect(createApiToken({ actor: desk.admin, input: { name: "  " } })).rejects.toMatchObject({
      status: 400,
      message: "name: Enter a name",
    });
    await expect(revokeApiToken({ actor: desk.editor, tokenId: view.id })).rejects.toMatchObject({ status: 403 });
    await expect(revokeApiToken({ actor: other.admin, tokenId: view.id })).rejects.toMatchObject({ status: 404 });
    await expect(listApiTokens({ actor: desk.reviewer })).rejects.toMatchObject({ status: 403 });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: view.id } })).revokedAt).toBeNull();
    expect(await db.apiToken.count({ where: { workspaceId: desk.workspace.id } })).toBe(1);
  });
});
