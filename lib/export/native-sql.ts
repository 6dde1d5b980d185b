import { visibleReusedFromSql, visibleWorkSql } from "../access/visibility";
import { copyOut } from "../db/copy-out";
import { Prisma } from "../db/generated/client";
import { inlineSql } from "../db/inline-sql";
import { isoTimestampSql } from "../db/json-text";
import type { RatingBounds } from "./native";
import { selectionSql, type Selection } from "./query";

/**
 * The native (factmark.v1) annotations of a selection as one statement that yields, per
 * annotation and in the export's order (article, start, id), the exact text that
 * JSON.stringify(toNativeAnnotation(row)) would give (lib/export/native.ts stays the reference,
 * and tests compare the two byte for byte). `to_json` of a row is compact and keeps column order,
 * as JSON.stringify does (json_build_object would add spaces); timestamps are written as
 * toISOString writes them.
 *
 * Set-based, for speed at 100,000 annotations (issue #15 item 4): sources, notes and reviews are
 * each aggregated once for the whole selection (a hash join over their table for a large one, an
 * index lookup per annotation for a few: the planner chooses) instead of by a correlated subquery
 * per annotation, and their lists are spliced into the annotation's text rather than parsed back
 * as json. Notes and reviews follow the visibility rule (visibleWorkSql): the people hidden from
 * the exporter on the annotation's article lose their notes and review decisions. Notes and
 * reviews written at the same instant (a bulk import) keep the order they were written in (ctid),
 * as Prisma's index scan on (annotationId, createdAt) gave them.
 */
export function nativeAnnotationsSql(selection: Selection, bounds: RatingBounds, withEmails: boolean): Prisma.Sql {
  const v = selection.visibility;
  const iso = isoTimestampSql;
  const selected = selectionSql(selection);
  // personOf: an imported name alone; else the member's name, and their email for an admin. As
  // laterals `<alias>_member` and `<alias>_imported` (see people()), so to_json names the keys.
  const people = (alias: string, user: string, imported: string) =>
    Prisma.raw(
      `LATERAL (SELECT ${user}.name${withEmails ? `, ${user}.email` : ""}) ${alias}_member, LATERAL (SELECT ${imported} AS name) ${alias}_imported`,
    );
  const person = (alias: string, imported: string) =>
    Prisma.raw(`CASE WHEN ${imported} IS NOT NULL THEN to_json(${alias}_imported) ELSE to_json(${alias}_member) END`);
  // One list per annotation: its items' JSON joined with ',' (the brackets are added where it is spliced in).
  const list = (item: string, order: string) => Prisma.raw(`string_agg(to_json(${item})::text, ',' ORDER BY ${order})`);
  return Prisma.sql`
    WITH sources AS (
      SELECT s."annotationId" AS id, ${list("z", "s.position")} AS list
      FROM "Annotation" a JOIN "Source" s ON s."annotationId" = a.id,
        LATERAL (SELECT s.url, s.title, s.publisher, s.excerpt, s."archiveUrl", to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt") z
      WHERE ${selected}
      GROUP BY 1
    ), notes AS (
      SELECT n."annotationId" AS id, ${list("z", 'n."createdAt", n.ctid')} AS list
      FROM "Annotation" a JOIN "Note" n ON n."annotationId" = a.id JOIN "User" nu ON nu.id = n."authorId",
        ${people("nu", "nu", 'n."importedAuthor"')},
        LATERAL (SELECT n.id, n."parentId", ${person("nu", 'n."importedAuthor"')} AS author, CASE WHEN n."deletedAt" IS NULL THEN n.body END AS body,
          ${iso('n."createdAt"')} AS "createdAt", ${iso('n."updatedAt"')} AS "updatedAt") z
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'n."authorId"')}
        -- A deleted note stays (without its body) while a reply the exporter may see hangs from it.
        AND (n."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Note" r WHERE r."parentId" = n.id AND r."annotationId" = a.id AND r."deletedAt" IS NULL
          AND ${visibleWorkSql(v, 'a."articleId"', 'r."authorId"')}))
      GROUP BY 1
    ), reviews AS (
      SELECT r."annotationId" AS id, ${list("z", 'r."createdAt", r.ctid')} AS list
      FROM "Annotation" a JOIN "Review" r ON r."annotationId" = a.id JOIN "User" ru ON ru.id = r."editorId",
        LATERAL (SELECT ru.name${Prisma.raw(withEmails ? ", ru.email" : "")}) editor,
        LATERAL (SELECT r."fromStatus", r."toStatus", r.comment, to_json(editor) AS editor, ${iso('r."createdAt"')} AS "createdAt") z
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'r."editorId"')}
      GROUP BY 1
    )
    SELECT left(to_json(head)::text, -1)
      || ',"sources":[' || COALESCE(sources.list, '') || '],"notes":[' || COALESCE(notes.list, '') || '],"reviews":[' || COALESCE(reviews.list, '')
      || '],"createdAt":"' || ${iso('a."createdAt"')} || '","updatedAt":"' || ${iso('a."updatedAt"')} || '"}' AS json
    FROM "Annotation" a
    JOIN "VerdictOption" v ON v.id = a."verdictOptionId"
    JOIN "User" u ON u.id = a."authorId"
    LEFT JOIN "ReferenceCheck" rc ON rc.id = a."reusedFromReferenceId"
    LEFT JOIN sources ON sources.id = a.id
    LEFT JOIN notes ON notes.id = a.id
    LEFT JOIN reviews ON reviews.id = a.id,
    LATERAL (SELECT a.start, a."end", a.quote, a.prefix, a.suffix) anchor,
    LATERAL (SELECT v.key, v.label, v.rating, ${bounds.worstRating}::int AS "worstRating", ${bounds.bestRating}::int AS "bestRating") verdict,
    LATERAL (SELECT a."correctsId" AS corrects, COALESCE(a."correctionNote", '') AS note) correction,
    -- The reused check is named only when the exporter may see it (a blind hides it).
    LATERAL (SELECT ${visibleReusedFromSql(v, "a")} AS "annotationId", rc.url AS "referenceUrl") reused,
    ${people("u", "u", 'a."importedAuthor"')},
    -- Every key before "sources", in toNativeAnnotation's order; the rest is spliced on above.
    LATERAL (SELECT a.id, a."articleId", a."revisionId", to_json(anchor) AS anchor, a.claim, a.claimant, to_json(verdict) AS verdict,
      a.rationale, a.status, CASE WHEN a."correctsId" IS NULL THEN NULL ELSE to_json(correction) END AS correction,
      CASE WHEN reused."annotationId" IS NULL AND reused."referenceUrl" IS NULL THEN NULL ELSE to_json(reused) END AS "reusedFrom",
      ${person("u", 'a."importedAuthor"')} AS author) head
    WHERE ${selected}
    ORDER BY a."articleId", a.start, a.id`;
}

// CSV with a delimiter and a quote character that JSON text never holds raw (to_json escapes every
// control character), so no value is ever quoted: each line is one annotation's JSON, unchanged.
const JSON_LINES = `WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

/**
 * The selection's native annotations as JSON lines (one annotation per line, UTF-8), streamed
 * from PostgreSQL by COPY as the consumer reads them: the statement is planned and run once, no
 * row is decoded in Node, and memory stays flat however large the export (issue #15 item 4).
 */
export function nativeAnnotationLines(
  selection: Selection,
  bounds: RatingBounds,
  withEmails: boolean,
): AsyncGenerator<Uint8Array> {
  return copyOut(inlineSql(nativeAnnotationsSql(selection, bounds, withEmails)), JSON_LINES);
}
