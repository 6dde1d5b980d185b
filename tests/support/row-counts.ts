// "A refusal writes nothing", made checkable: row counts before and after a refused request.

type Client = { $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T> };

/** Every table of the database with its row count (the fuzzer's server has a database of its own). */
export async function countAllRows(client: Client): Promise<Record<string, number>> {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const union = tables
    .map((t) => `SELECT '${t.name}' AS name, count(*)::int AS count FROM "${t.name}"`)
    .join(" UNION ALL ");
  const rows = await client.$queryRawUnsafe<{ name: string; count: number }[]>(union);
  return Object.fromEntries(rows.map((row) => [row.name, row.count]));
}

/**
 * The rows of one workspace, table by table, and the sum of its annotations' versions (so an
 * update counts as a change too). Integration tests share one database and run side by side, so
 * each looks only at its own workspace.
 */
export async function countWorkspaceRows(client: Client, workspaceId: string): Promise<Record<string, number>> {
  const [row] = await client.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT
      (SELECT count(*)::int FROM "Article" WHERE "workspaceId" = $1) AS "Article",
      (SELECT count(*)::int FROM "ArticleRevision" r JOIN "Article" a ON a.id = r."articleId" WHERE a."workspaceId" = $1) AS "ArticleRevision",
      (SELECT count(*)::int FROM "Annotation" WHERE "workspaceId" = $1) AS "Annotation",
      (SELECT coalesce(sum(version), 0)::int FROM "Annotation" WHERE "workspaceId" = $1) AS "annotation versions",
      (SELECT count(*)::int FROM "Annotation" WHERE "workspaceId" = $1 AND "deletedAt" IS NOT NULL) AS "deleted annotations",
      (SELECT count(*)::int FROM "Source" s JOIN "Annotation" n ON n.id = s."annotationId" WHERE n."workspaceId" = $1) AS "Source",
      (SELECT count(*)::int FROM "Note" s JOIN "Annotation" n ON n.id = s."annotationId" WHERE n."workspaceId" = $1) AS "Note",
      (SELECT count(*)::int FROM "Review" s JOIN "Annotation" n ON n.id = s."annotationId" WHERE n."workspaceId" = $1) AS "Review",
      (SELECT count(*)::int FROM "Reanchoring" s JOIN "Annotation" n ON n.id = s."annotationId" WHERE n."workspaceId" = $1) AS "Reanchoring",
      (SELECT count(*)::int FROM "AuditEvent" WHERE "workspaceId" = $1) AS "AuditEvent",
      (SELECT count(*)::int FROM "Membership" WHERE "workspaceId" = $1) AS "Membership",
      (SELECT count(*)::int FROM "ApiToken" WHERE "workspaceId" = $1) AS "ApiToken",
      (SELECT count(*)::int FROM "SecondOpinion" WHERE "workspaceId" = $1) AS "SecondOpinion",
      (SELECT count(*)::int FROM "AgreementPair" WHERE "workspaceId" = $1) AS "AgreementPair"`,
    workspaceId,
  );
  return row;
}
