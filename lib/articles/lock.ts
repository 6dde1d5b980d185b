import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the article row for the rest of the transaction. Revising takes it FOR UPDATE (one new
 * revision at a time, and it moves every annotation it sees); writes that put an annotation on
 * the current revision (create, place, import, correct) take it FOR SHARE, so they wait for a
 * revision in progress and then read the revision it made, and a revision waits for them and
 * then moves what they wrote. Without it an annotation could land on a revision that was just
 * superseded and stay there, unseen and never re-anchored. Answers whether the article exists
 * in the workspace.
 */
export async function lockArticle(
  tx: Tx,
  target: { articleId: string; workspaceId: string },
  mode: "update" | "share",
): Promise<boolean> {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Article" WHERE id = ${target.articleId} AND "workspaceId" = ${target.workspaceId} FOR UPDATE`
      : await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Article" WHERE id = ${target.articleId} AND "workspaceId" = ${target.workspaceId} FOR SHARE`;
  return rows.length > 0;
}
