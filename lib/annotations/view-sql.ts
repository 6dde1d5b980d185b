import { Prisma } from "../db/generated/client";
import { isoTimestampSql as iso } from "../db/json-text";
import {
  visibleOnArticleSql,
  visiblePersonOnArticleSql,
  visibleReusedFromSql,
  type SqlViewer,
} from "../access/visibility";

/**
 * An annotation's AnnotationView as the JSON text JSON.stringify(toAnnotationView(row)) gives
 * (lib/annotations/view.ts stays the reference; tests/integration/list-json.test.ts compares the
 * bytes), written by PostgreSQL so the list route can send it without decoding, mapping and
 * re-encoding it in Node (issue #15 item 2). For "Annotation" aliased `a`, in a statement with a
 * `hidden` CTE (hiddenOnArticleSql of lib/access/visibility.ts) for a's article: notes, review
 * decisions and corrections by people hidden from the viewer are left out, as the Prisma include
 * narrowed by visibleInclude leaves them out.
 *
 * `to_json` of a row is compact and keeps column order, as JSON.stringify keeps key order
 * (json_build_object would add spaces); the sources and notes, the view's last two keys, are
 * spliced on as text rather than parsed back as json.
 */
export function annotationViewJsonSql(viewer: SqlViewer): Prisma.Sql {
  // A nested object or null: to_json of a one-row subquery, null when it finds no row.
  const object = (select: Prisma.Sql) => Prisma.sql`(SELECT to_json(o) FROM (${select}) o)`;
  const verdict = (annotation: string) =>
    object(
      Prisma.raw(
        `SELECT v.key, v.label, v.color, v.rating FROM "VerdictOption" v WHERE v.id = ${annotation}."verdictOptionId"`,
      ),
    );
  // authorOf: an imported author's name, else the member's.
  const author = (user: string, imported: string) =>
    object(Prisma.raw(`SELECT u.id, COALESCE(${imported}, u.name) AS name FROM "User" u WHERE u.id = ${user}`));
  const notePerson = visiblePersonOnArticleSql('n."authorId"');
  const head = Prisma.sql`
    SELECT a.id, a."articleId", a."revisionId", a.start, a."end", a.quote, a.prefix, a.suffix, a.claim, a.claimant,
      ${verdict("a")} AS verdict, a.rationale, a.status, a.placement,
      ${object(Prisma.sql`
        SELECT r."fromStatus", r."toStatus", r.comment, ru.name AS "by", ${iso('r."createdAt"')} AS "at"
        FROM "Review" r JOIN "User" ru ON ru.id = r."editorId"
        WHERE r."annotationId" = a.id AND ${visiblePersonOnArticleSql('r."editorId"')}
        ORDER BY r."createdAt" DESC, r.ctid DESC LIMIT 1`)} AS "lastReview",
      ${object(Prisma.sql`
        SELECT ${object(Prisma.sql`SELECT c.id, c.claim, ${verdict("c")} AS verdict, ${author('c."authorId"', 'c."importedAuthor"')} AS author`)} AS "of",
          COALESCE(a."correctionNote", '') AS note
        FROM "Annotation" c WHERE c.id = a."correctsId"`)} AS correction,
      ${iso('a."supersededAt"')} AS "supersededAt",
      ${object(Prisma.sql`
        SELECT k.id, k.status FROM "Annotation" k
        WHERE k."correctsId" = a.id AND ${visibleOnArticleSql(viewer, "k")}
        ORDER BY k."createdAt", k.id LIMIT 1`)} AS "correctedBy",
      ${object(Prisma.sql`
        SELECT * FROM (SELECT ${visibleReusedFromSql(viewer, "a")} AS "annotationId", a."reusedFromReferenceId" AS "referenceId") r
        WHERE r."annotationId" IS NOT NULL OR r."referenceId" IS NOT NULL`)} AS "reusedFrom",
      ${author('a."authorId"', 'a."importedAuthor"')} AS author,
      a.version, ${iso('a."createdAt"')} AS "createdAt", ${iso('a."updatedAt"')} AS "updatedAt"`;
  const sources = Prisma.sql`
    SELECT string_agg(to_json(z)::text, ',' ORDER BY s.position)
    FROM "Source" s,
      LATERAL (SELECT s.id, s.url, s.title, s.publisher, s.excerpt, s."archiveUrl", to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt") z
    WHERE s."annotationId" = a.id`;
  // liveThread: a deleted note stays, without its body, only while a live reply the viewer may see hangs from it.
  const notes = Prisma.sql`
    SELECT string_agg(to_json(z)::text, ',' ORDER BY n."createdAt", n.ctid)
    FROM "Note" n,
      LATERAL (SELECT n.id, n."parentId", ${author('n."authorId"', 'n."importedAuthor"')} AS author,
        CASE WHEN n."deletedAt" IS NULL THEN n.body END AS body, n."deletedAt" IS NOT NULL AS deleted, n.version,
        ${iso('n."createdAt"')} AS "createdAt", ${iso('n."updatedAt"')} AS "updatedAt") z
    WHERE n."annotationId" = a.id AND ${notePerson}
      AND (n."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Note" reply WHERE reply."parentId" = n.id AND reply."annotationId" = a.id
        AND reply."deletedAt" IS NULL AND ${visiblePersonOnArticleSql('reply."authorId"')}))`;
  return Prisma.sql`(SELECT left(to_json(head)::text, -1) || ',"sources":[' || COALESCE((${sources}), '') || '],"notes":['
    || COALESCE((${notes}), '') || ']}' FROM (${head}) head)`;
}
