import { fastRows } from "../db/fast-rows";
import { Prisma } from "../db/generated/client";
import { actorSql, type Actor, type SessionClaims } from "../auth/actor";
import {
  hiddenOnArticleSql,
  visibleOnArticleSql,
  visiblePersonOnArticleSql,
  visibleReusedFromSql,
} from "../access/visibility";
import { annotationViewJsonSql } from "./view-sql";
import type { annotationInclude, AnnotationSummary } from "./view";

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;

/**
 * The list route's answer for an article, `{"annotations":[...]}`, as the JSON text PostgreSQL
 * writes in one statement: the article's live, current annotations the actor may see, in text
 * order, each an AnnotationView (lib/annotations/view-sql.ts). The route sends the text as it
 * comes: nothing is decoded, mapped or encoded again in Node (issue #15 item 2). Null when the
 * article is not in the actor's workspace.
 */
export async function selectArticleAnnotationsJson(actor: Actor, articleId: string): Promise<string | null> {
  const result = await selectListJson(readerOf(actor), articleId);
  return result.found ? result.body : null;
}

/**
 * selectArticleAnnotationsJson for a session's claims, with the actor read in the same statement
 * (a CTE of loadActor's), so a list is one round trip instead of two. Answers whether the claims
 * name an actor (false: no session, as loadActor would say) and, for an actor, the body (null
 * when the article is not in their workspace).
 */
export async function selectArticleAnnotationsJsonForSession(
  claims: SessionClaims,
  articleId: string,
): Promise<{ signedIn: boolean; body: string | null }> {
  const reader = {
    userId: Prisma.sql`(SELECT "userId" FROM actor)`,
    workspaceId: Prisma.sql`(SELECT "workspaceId" FROM actor)`,
  };
  // The same text on every call: prepared once per connection.
  const result = await selectListJson(
    reader,
    articleId,
    Prisma.sql`actor AS (${actorSql(claims)}),`,
    "factmark_list_for_session",
  );
  return { signedIn: result.signedIn, body: result.signedIn && result.found ? result.body : null };
}

/**
 * The statement behind both: the visibility rule of lib/access/visibility.ts applied to one
 * article (the people its open blinds hide from the reader, computed in the same statement, lose
 * their annotations and the corrections continuing them; their notes and review decisions leave
 * each view).
 */
async function selectListJson(
  reader: Reader,
  articleId: string,
  actorCte: Prisma.Sql = Prisma.empty,
  statementName?: string,
) {
  const [result] = await fastRows<{ signedIn: boolean; found: boolean; body: string }>(
    Prisma.sql`
    WITH ${actorCte} hidden AS (${hiddenOnArticleSql(reader, Prisma.sql`${articleId}`)})
    SELECT ${actorCte === Prisma.empty ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM actor)`} AS "signedIn",
      EXISTS (SELECT 1 FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${reader.workspaceId}) AS found,
      (SELECT '{"annotations":[' || COALESCE(string_agg(${annotationViewJsonSql(reader)}, ',' ORDER BY a.start, a."end" DESC, a."createdAt"), '') || ']}'
        FROM "Annotation" a
        WHERE a."articleId" = ${articleId} AND a."supersededAt" IS NULL AND ${visibleOnArticleSql(reader, "a")}) AS body`,
    statementName,
  );
  return result;
}

/** Whom a statement reads for, as SQL: values, or expressions over an `actor` CTE. */
type Reader = { userId: Prisma.Sql; workspaceId: Prisma.Sql };

const readerOf = (actor: Actor): Reader => ({
  userId: Prisma.sql`${actor.userId}`,
  workspaceId: Prisma.sql`${actor.workspaceId}`,
});

/**
 * One live annotation the actor may see (superseded ones included), with every relation, in one
 * statement; null when there is none: unknown, another workspace's, deleted or hidden by a blind.
 */
export async function selectAnnotation(actor: Actor, annotationId: string): Promise<AnnotationRow | null> {
  return (await selectAnnotations(readerOf(actor), annotationId))[0] ?? null;
}

/**
 * What the article page draws highlights and its list from (listAnnotationSummaries): the live,
 * current annotations placed on the article's current revision, in text order, each with its
 * verdict, author, the credited author of what it corrects, and its count of live notes the actor
 * may see, in one statement built as JSON by PostgreSQL (#15: the page waited on Prisma's query per
 * relation and on decoding 2,000 rows before sending the article). The visibility rule as below.
 * Null when the article is not in the actor's workspace.
 */
export async function selectArticleSummaries(actor: Actor, articleId: string): Promise<AnnotationSummary[] | null> {
  const [result] = await fastRows<{ found: boolean; summaries: AnnotationSummary[] }>(Prisma.sql`
    WITH hidden AS (${hiddenOnArticleSql(readerOf(actor), Prisma.sql`${articleId}`)}),
    article AS (
      SELECT a.id, (SELECT r.id FROM "ArticleRevision" r WHERE r."articleId" = a.id ORDER BY r.number DESC LIMIT 1) AS "revisionId"
      FROM "Article" a WHERE a.id = ${articleId} AND a."workspaceId" = ${actor.workspaceId}
    )
    SELECT EXISTS (SELECT 1 FROM article) AS found, COALESCE((
      SELECT json_agg(json_build_object(
        'id', a.id, 'start', a.start, 'end', a."end", 'claim', a.claim, 'status', a.status, 'placement', a.placement, 'version', a.version,
        'verdict', json_build_object('key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating),
        'author', json_build_object('id', u.id, 'name', COALESCE(a."importedAuthor", u.name)),
        'correctedFrom', (SELECT json_build_object('id', cu.id, 'name', COALESCE(c."importedAuthor", cu.name)) FROM "Annotation" c JOIN "User" cu
          ON cu.id = c."authorId" WHERE c.id = a."correctsId"),
        'noteCount', (SELECT count(*) FROM "Note" n WHERE n."annotationId" = a.id AND n."deletedAt" IS NULL AND ${visiblePersonOnArticleSql(
          'n."authorId"',
        )})
      ) ORDER BY a.start, a."end" DESC, a."createdAt")
      FROM "Annotation" a JOIN "VerdictOption" v ON v.id = a."verdictOptionId" JOIN "User" u ON u.id = a."authorId"
      WHERE a."articleId" = ${articleId} AND a."revisionId" = (SELECT "revisionId" FROM article)
        AND a."supersededAt" IS NULL AND a.placement IN ('ANCHORED', 'NEEDS_CHECK') AND ${visibleOnArticleSql(readerOf(actor), "a")}
    ), '[]') AS summaries`);
  return result.found ? result.summaries : null;
}

/**
 * The statement behind selectAnnotation. The visibility rule of lib/access/visibility.ts is applied
 * to the annotation's article: the people hidden from the actor on it (their open blind second opinions,
 * computed in the same statement) lose their annotations, the corrections continuing them, their
 * notes and their review decisions. Notes and reviews written at the same instant (a bulk import)
 * keep the order they were written in (ctid), as the Prisma include's index scan gave them.
 */
async function selectAnnotations(reader: Reader, annotationId: string): Promise<AnnotationRow[]> {
  const article = Prisma.sql`(SELECT "articleId" FROM "Annotation" WHERE id = ${annotationId})`;
  const [result] = await fastRows<{ annotations: unknown[] }>(
    Prisma.sql`
    WITH hidden AS (${hiddenOnArticleSql(reader, article)})
    SELECT
      COALESCE((
        SELECT jsonb_agg(
          (to_jsonb(a) - 'searchVector') || jsonb_build_object(
            'reusedFromId', ${visibleReusedFromSql(reader, "a")},
            'verdictOption', (SELECT jsonb_build_object('key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating) FROM "VerdictOption" v
              WHERE v.id = a."verdictOptionId"),
            'author', (SELECT jsonb_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."authorId"),
            'sources', COALESCE((SELECT jsonb_agg(to_jsonb(s) - 'searchVector' ORDER BY s.position) FROM "Source" s WHERE s."annotationId" = a.id), '[]'),
            'notes', COALESCE((
              SELECT jsonb_agg((to_jsonb(n) - 'searchVector') || jsonb_build_object('author', jsonb_build_object('id', nu.id, 'name', nu.name))
                ORDER BY n."createdAt", n.ctid)
              FROM "Note" n JOIN "User" nu ON nu.id = n."authorId"
              WHERE n."annotationId" = a.id AND ${visiblePersonOnArticleSql('n."authorId"')}
            ), '[]'),
            'reviews', COALESCE((
              SELECT jsonb_agg(to_jsonb(r) || jsonb_build_object('editor', jsonb_build_object('name', ru.name)) ORDER BY r."createdAt", r.ctid)
              FROM "Review" r JOIN "User" ru ON ru.id = r."editorId"
              WHERE r."annotationId" = a.id AND ${visiblePersonOnArticleSql('r."editorId"')}
            ), '[]'),
            'corrects', (
              SELECT jsonb_build_object('id', c.id, 'claim', c.claim, 'verdictOption', jsonb_build_object('key', cv.key, 'label', cv.label, 'color',
                cv.color, 'rating', cv.rating),
                'author', jsonb_build_object('id', cu.id, 'name', cu.name), 'importedAuthor', c."importedAuthor")
              FROM "Annotation" c JOIN "VerdictOption" cv ON cv.id = c."verdictOptionId" JOIN "User" cu ON cu.id = c."authorId" WHERE c.id = a."correctsId"
            ),
            'corrections', COALESCE((
              SELECT jsonb_agg(jsonb_build_object('id', k.id, 'status', k.status) ORDER BY k."createdAt", k.id)
              FROM "Annotation" k
              WHERE k."correctsId" = a.id AND ${visibleOnArticleSql(reader, "k")}
            ), '[]')
          )
        )
        FROM "Annotation" a
        WHERE a.id = ${annotationId} AND ${visibleOnArticleSql(reader, "a")}
      ), '[]') AS annotations`,
  );
  return (result.annotations as Record<string, unknown>[]).map(reviveAnnotation);
}

// PostgreSQL writes a timestamp(3) into JSON as ISO text without a zone; Prisma stores UTC.
const ANNOTATION_DATES = [
  "supersededAt",
  "submittedAt",
  "approvedAt",
  "publishedAt",
  "deletedAt",
  "createdAt",
  "updatedAt",
];
const SOURCE_DATES = ["accessedAt", "createdAt", "updatedAt"];
const NOTE_DATES = ["deletedAt", "createdAt", "updatedAt"];
const REVIEW_DATES = ["createdAt"];

function reviveDates<T extends Record<string, unknown>>(row: T, keys: string[]): T {
  const copy: Record<string, unknown> = { ...row };
  for (const key of keys) if (typeof copy[key] === "string") copy[key] = new Date(`${copy[key]}Z`);
  return copy as T;
}

function reviveAnnotation(json: Record<string, unknown>): AnnotationRow {
  const row = reviveDates(json, ANNOTATION_DATES);
  const list = (key: string, dates: string[]) =>
    (row[key] as Record<string, unknown>[]).map((item) => reviveDates(item, dates));
  return {
    ...row,
    sources: list("sources", SOURCE_DATES),
    notes: list("notes", NOTE_DATES),
    reviews: list("reviews", REVIEW_DATES),
  } as unknown as AnnotationRow;
}
