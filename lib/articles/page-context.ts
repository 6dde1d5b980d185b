import "server-only";
import { hiddenOnArticleSql, visibleOnArticleSql } from "../access/visibility";
import type { OrphanSummary } from "../annotations/annotations";
import type { AssignmentView } from "../assignments/assignments";
import { requireActor, type Actor } from "../auth/actor";
import { fastRows } from "../db/fast-rows";
import { isoTimestampSql } from "../db/json-text";
import { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import type { SecondOpinionView } from "../reviews/second-opinion";
import { idSchema, parseInput } from "../validation";
import type { VerdictChoice } from "../verdicts/queries";
import type { WorkspaceSettings } from "../workspaces/settings";

/** Everything the article page shows beside the article and its highlights. */
export type ArticlePageContext = {
  /** listOrphans: annotations a revision could not follow, oldest first. */
  orphans: OrphanSummary[];
  /** listVerdictChoices: the scale's unretired options, in order. */
  choices: VerdictChoice[];
  /** getWorkspaceSettings. */
  settings: WorkspaceSettings;
  /** getOpenSecondOpinion: the article's blind second opinion in progress, if any. */
  blind: SecondOpinionView | null;
  /** listColleagues: the workspace's active members by name. */
  people: { id: string; name: string }[];
  /** listAssignments: who the article is assigned to, in the order they were assigned. */
  assignments: AssignmentView[];
};

/**
 * What the article page reads beside the article and its summaries, in one statement built as
 * JSON by PostgreSQL (#15): it was six lib calls and about ten Prisma queries, each compiled by
 * Prisma's query compiler on every request (a tenth of the page's server time, on the same cores
 * that then serve its scripts). Each part answers what its lib function answers (an integration
 * test holds them equal); the orphans follow the visibility rule through its SQL twin for one
 * article (lib/access/visibility.ts). Any member; 404 for an article of another workspace.
 */
export async function getArticlePageContext(options: {
  actor: Actor | null;
  articleId: unknown;
}): Promise<ArticlePageContext> {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const reader = { userId: actor.userId, workspaceId: actor.workspaceId };
  const [{ found, ...context }] = await fastRows<ArticlePageContext & { found: boolean }>(Prisma.sql`
    WITH hidden AS (${hiddenOnArticleSql(reader, Prisma.sql`${articleId}`)})
    SELECT
      EXISTS (SELECT 1 FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${actor.workspaceId}) AS found,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', a.id, 'quote', a.quote, 'claim', a.claim, 'version', a.version,
          'verdict', json_build_object('key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating),
          'author', json_build_object('id', u.id, 'name', COALESCE(a."importedAuthor", u.name)),
          'reason', (SELECT r.reason FROM "Reanchoring" r WHERE r."annotationId" = a.id ORDER BY r."createdAt" DESC LIMIT 1)
        ) ORDER BY a."createdAt")
        FROM "Annotation" a JOIN "VerdictOption" v ON v.id = a."verdictOptionId" JOIN "User" u ON u.id = a."authorId"
        WHERE a."articleId" = ${articleId} AND ${visibleOnArticleSql(reader, "a")}
          AND a."supersededAt" IS NULL AND a.placement = 'ORPHANED'
      ), '[]') AS orphans,
      COALESCE((
        SELECT json_agg(json_build_object(
          'key', o.key, 'label', o.label, 'color', o.color, 'rating', o.rating, 'description', o.description
        ) ORDER BY o.position)
        FROM "VerdictOption" o JOIN "VerdictScale" s ON s.id = o."scaleId"
        WHERE s."workspaceId" = ${actor.workspaceId} AND o."retiredAt" IS NULL
      ), '[]') AS choices,
      (SELECT json_build_object(
         'reviewersMayAddArticles', w."reviewersMayAddArticles", 'publicPages', w."publicPages", 'creditReviewers', w."creditReviewers")
       FROM "Workspace" w WHERE w.id = ${actor.workspaceId}) AS settings,
      (SELECT json_build_object(
         'id', o.id,
         'firstReviewer', json_build_object('id', f.id, 'name', f.name),
         'secondReviewer', json_build_object('id', s.id, 'name', s.name),
         'requestedBy', q.name, 'requestedAt', ${isoTimestampSql(`o."createdAt"`)}, 'revealedAt', NULL)
       FROM "SecondOpinion" o JOIN "User" f ON f.id = o."firstReviewerId" JOIN "User" s ON s.id = o."secondReviewerId"
         JOIN "User" q ON q.id = o."requestedById"
       WHERE o."articleId" = ${articleId} AND o."workspaceId" = ${actor.workspaceId} AND o."revealedAt" IS NULL
       LIMIT 1) AS blind,
      COALESCE((
        SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
        FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m."workspaceId" = ${actor.workspaceId} AND m."deactivatedAt" IS NULL
      ), '[]') AS people,
      COALESCE((
        SELECT json_agg(json_build_object(
          'userId', x."userId", 'name', COALESCE(u.name, ''), 'dueOn', to_char(x."dueAt", 'YYYY-MM-DD')
        ) ORDER BY x."createdAt")
        FROM "ArticleAssignment" x LEFT JOIN "User" u ON u.id = x."userId"
        WHERE x."articleId" = ${articleId} AND x."workspaceId" = ${actor.workspaceId}
      ), '[]') AS assignments`);
  if (!found) throw notFound("Article");
  return context;
}
