import { visibleReusedFromSql } from "../access/visibility";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { RatingBounds } from "./native";
import { annotationKeysAfter, type Selection } from "./query";

/**
 * Native (factmark.v1) annotations assembled by PostgreSQL, each as the exact text that
 * JSON.stringify(toNativeAnnotation(row)) would give (lib/export/native.ts stays the reference,
 * and tests compare the two byte for byte): building tens of thousands of objects in Node was most
 * of the export's time (issue #15 item 4). `to_json` of a row is compact and keeps column order,
 * as JSON.stringify does; timestamps are written as toISOString writes them; arrays are joined
 * with ',' (json_agg would add spaces). Notes, reviews and corrections follow the visibility
 * rule exactly as the Prisma includes did: the people hidden from the exporter on the
 * annotation's article lose their notes and review decisions. Notes and reviews written at the
 * same instant (a bulk import) keep the order they were written in (ctid), as Prisma's index scan
 * on (annotationId, createdAt) gave them.
 */
export async function* nativeAnnotationBatches(
  selection: Selection,
  bounds: RatingBounds,
  withEmails: boolean,
  batchSize = 2000,
): AsyncGenerator<string[]> {
  const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  // personOf: an imported name alone; else the member's name, and their email for an admin.
  const person = (user: string, imported: string | null) => {
    const member = Prisma.raw(`(SELECT to_json(p) FROM (SELECT ${user}.name${withEmails ? `, ${user}.email` : ""}) p)`);
    if (!imported) return member;
    const name = Prisma.raw(`(SELECT to_json(p) FROM (SELECT ${imported} AS name) p)`);
    return Prisma.sql`CASE WHEN ${Prisma.raw(imported)} IS NOT NULL THEN ${name} ELSE ${member} END`;
  };
  const hidden = (userColumn: string) => {
    const blinds = selection.visibility.blinds;
    if (blinds.length === 0) return Prisma.sql`FALSE`;
    return Prisma.join(
      blinds.map((b) => Prisma.sql`(a."articleId" = ${b.articleId} AND ${Prisma.raw(userColumn)} = ${b.hiddenUserId})`),
      " OR ",
    );
  };
  let after: { id: string; articleId: string; start: number } | undefined;
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; articleId: string; start: number; json: string }[]>`
      SELECT a.id, a."articleId", a.start, (
        SELECT to_json(x)::text FROM (SELECT
          a.id, a."articleId", a."revisionId",
          (SELECT to_json(y) FROM (SELECT a.start, a."end", a.quote, a.prefix, a.suffix) y) AS anchor,
          a.claim, a.claimant,
          (SELECT to_json(y) FROM (SELECT v.key, v.label, v.rating, ${bounds.worstRating}::int AS "worstRating", ${bounds.bestRating}::int AS "bestRating") y) AS verdict,
          a.rationale, a.status,
          CASE WHEN a."correctsId" IS NULL THEN NULL ELSE (SELECT to_json(y) FROM (SELECT a."correctsId" AS corrects, COALESCE(a."correctionNote", '') AS note) y) END AS correction,
          (SELECT CASE WHEN y."annotationId" IS NULL AND y."referenceUrl" IS NULL THEN NULL ELSE to_json(y) END FROM (SELECT ${visibleReusedFromSql(selection.visibility, "a")} AS "annotationId",
            (SELECT rc.url FROM "ReferenceCheck" rc WHERE rc.id = a."reusedFromReferenceId") AS "referenceUrl") y) AS "reusedFrom",
          ${person("u", 'a."importedAuthor"')} AS author,
          COALESCE((SELECT ('[' || string_agg(y.j::text, ',' ORDER BY y.k1) || ']')::json FROM (
            SELECT s.position AS k1, (SELECT to_json(z) FROM (SELECT s.url, s.title, s.publisher, s.excerpt, s."archiveUrl", to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt") z) AS j
            FROM "Source" s WHERE s."annotationId" = a.id) y), '[]'::json) AS sources,
          COALESCE((SELECT ('[' || string_agg(y.j::text, ',' ORDER BY y.k1, y.k2) || ']')::json FROM (
            SELECT n."createdAt" AS k1, n.ctid AS k2, (SELECT to_json(z) FROM (SELECT n.id, n."parentId", ${person("nu", 'n."importedAuthor"')} AS author,
              CASE WHEN n."deletedAt" IS NULL THEN n.body END AS body, ${iso('n."createdAt"')} AS "createdAt", ${iso('n."updatedAt"')} AS "updatedAt") z) AS j
            FROM "Note" n JOIN "User" nu ON nu.id = n."authorId"
            WHERE n."annotationId" = a.id AND NOT (${hidden('n."authorId"')})
              AND (n."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Note" r WHERE r."parentId" = n.id AND r."annotationId" = a.id AND r."deletedAt" IS NULL AND NOT (${hidden('r."authorId"')})))
          ) y), '[]'::json) AS notes,
          COALESCE((SELECT ('[' || string_agg(y.j::text, ',' ORDER BY y.k1, y.k2) || ']')::json FROM (
            SELECT r."createdAt" AS k1, r.ctid AS k2, (SELECT to_json(z) FROM (SELECT r."fromStatus", r."toStatus", r.comment, ${person("ru", null)} AS editor, ${iso('r."createdAt"')} AS "createdAt") z) AS j
            FROM "Review" r JOIN "User" ru ON ru.id = r."editorId"
            WHERE r."annotationId" = a.id AND NOT (${hidden('r."editorId"')})
          ) y), '[]'::json) AS reviews,
          ${iso('a."createdAt"')} AS "createdAt", ${iso('a."updatedAt"')} AS "updatedAt"
        ) x) AS json
      FROM "Annotation" a
      JOIN "VerdictOption" v ON v.id = a."verdictOptionId"
      JOIN "User" u ON u.id = a."authorId"
      WHERE ${annotationKeysAfter(selection, after)}
      ORDER BY a."articleId", a.start, a.id
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map((row) => row.json);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}
