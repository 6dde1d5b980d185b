import { Prisma } from "../db/generated/client";

type Db = Pick<Prisma.TransactionClient, "secondOpinion">;

/**
 * What an actor may see, defined once; every read path uses it (lists, single reads, history,
 * notes, counts, exports, dashboards, agreement, revision diffs, and anything added later).
 *
 * - Only the actor's workspace, and never a deleted annotation.
 * - A blind second opinion (lib/reviews/second-opinion.ts): while it is open, each of its two
 *   reviewers is blind to the other's work on that article: the annotations the other wrote, any
 *   correction continuing them (it copies their content: `priorAuthorIds`), the notes the other
 *   wrote on anyone's annotation there, the other's review decisions and history events. Editors
 *   who are not one of the two see everything.
 *
 * Prisma can compare a column only with a value, so the rule is applied to the actor's open
 * blinds, read first (`visibilityFor`): as Prisma `where`s, and as the SQL twin for raw queries
 * over many articles (`visibleAnnotationSql`: exports, dashboards, agreement). Whether an
 * annotation is current (not superseded, not dismissed) is the caller's choice, not visibility.
 *
 * The public reader (no sign-in: public pages, feed, sitemap, embeds, oEmbed) has a scope of its
 * own below, `publicAnnotationWhere`: published, current checks of workspaces with public pages on.
 */
export type Visibility = {
  userId: string;
  workspaceId: string;
  /** On each article with an open blind the actor is part of: whose work is hidden from them. */
  blinds: { articleId: string; hiddenUserId: string }[];
};

type Viewer = { userId: string; workspaceId: string };

/** The actor's open blinds, read once per request (or transaction). */
export async function visibilityFor(db: Db, viewer: Viewer): Promise<Visibility> {
  const open = await db.secondOpinion.findMany({
    where: {
      workspaceId: viewer.workspaceId,
      revealedAt: null,
      OR: [{ firstReviewerId: viewer.userId }, { secondReviewerId: viewer.userId }],
    },
    select: { articleId: true, firstReviewerId: true, secondReviewerId: true },
  });
  return {
    userId: viewer.userId,
    workspaceId: viewer.workspaceId,
    blinds: open.map((s) => ({
      articleId: s.articleId,
      hiddenUserId: s.firstReviewerId === viewer.userId ? s.secondReviewerId : s.firstReviewerId,
    })),
  };
}

/** The live annotations the actor may see (superseded ones included: callers that list current work add that). */
export function visibleAnnotationWhere(v: Visibility): Prisma.AnnotationWhereInput {
  // Spelled out per blind as "another article, or neither their work nor continuing it".
  return {
    workspaceId: v.workspaceId,
    deletedAt: null,
    AND: v.blinds.map((b) => ({
      OR: [
        { articleId: { not: b.articleId } },
        { authorId: { not: b.hiddenUserId }, NOT: { priorAuthorIds: { has: b.hiddenUserId } } },
      ],
    })),
  };
}

/** Whether the actor may see this annotation row (for a row already read by id). */
export function maySee(
  v: Visibility,
  row: { workspaceId: string; articleId: string; authorId: string; priorAuthorIds: string[]; deletedAt: Date | null },
): boolean {
  if (row.workspaceId !== v.workspaceId || row.deletedAt) return false;
  return !v.blinds.some(
    (b) =>
      b.articleId === row.articleId && (row.authorId === b.hiddenUserId || row.priorAuthorIds.includes(b.hiddenUserId)),
  );
}

/** Work a person did on an annotation (a note, a review, a history event): hidden when they are blinded away on its article. */
function byVisiblePerson<W>(v: Visibility, person: (userId: string) => W, onArticle: (articleId: string) => W): W[] {
  return v.blinds.map((b) => ({ OR: [onArticle(b.articleId), person(b.hiddenUserId)] }) as W);
}

/** Notes the actor may see, on annotations they may see (the caller scopes the annotation). */
export function visibleNoteWhere(v: Visibility): Prisma.NoteWhereInput {
  return {
    AND: byVisiblePerson<Prisma.NoteWhereInput>(
      v,
      (id) => ({ authorId: { not: id } }),
      (articleId) => ({ annotation: { articleId: { not: articleId } } }),
    ),
  };
}

/** Review decisions the actor may see. */
export function visibleReviewWhere(v: Visibility): Prisma.ReviewWhereInput {
  return {
    AND: byVisiblePerson<Prisma.ReviewWhereInput>(
      v,
      (id) => ({ editorId: { not: id } }),
      (articleId) => ({ annotation: { articleId: { not: articleId } } }),
    ),
  };
}

/** History events of annotations on one article that the actor may see (events by a blinded-away person are not). */
export function visibleEventWhere(v: Visibility, articleId: string): Prisma.AuditEventWhereInput {
  const hidden = v.blinds.filter((b) => b.articleId === articleId).map((b) => b.hiddenUserId);
  // actorId is null for events of the system; those stay.
  return hidden.length ? { OR: [{ actorId: null }, { actorId: { notIn: hidden } }] } : {};
}

type Narrowable = { notes: object; reviews: object; corrections: object };

/** An annotation include (lib/annotations/view.ts) with its notes, reviews and corrections narrowed to what the actor may see. */
export function visibleInclude<I extends Narrowable>(include: I, v: Visibility): I {
  return {
    ...include,
    notes: { ...include.notes, where: visibleNoteWhere(v) },
    reviews: { ...include.reviews, where: visibleReviewWhere(v) },
    corrections: { ...include.corrections, where: visibleAnnotationWhere(v) },
  };
}

/**
 * The SQL twin of visibleAnnotationWhere, on "Annotation" aliased `alias`, built from the same
 * blinds. Without an open blind it is only workspace and not deleted, which the dashboards'
 * partial covering index answers index-only.
 */
export function visibleAnnotationSql(v: Visibility, alias = "a"): Prisma.Sql {
  const live = liveSql(v, alias);
  return v.blinds.length === 0 ? live : Prisma.sql`${live} AND NOT (${blindedSql(v, alias)})`;
}

/**
 * The SQL twin of visibleNoteWhere and visibleReviewWhere: work (a note, a review decision) by the
 * person in column `person` on an annotation of the article in column `article` that the actor
 * may see, i.e. not by someone their open blind on that article hides.
 */
export function visibleWorkSql(v: Visibility, article: string, person: string): Prisma.Sql {
  if (v.blinds.length === 0) return Prisma.sql`TRUE`;
  const hidden = v.blinds.map(
    (b) => Prisma.sql`(${Prisma.raw(article)} = ${b.articleId} AND ${Prisma.raw(person)} = ${b.hiddenUserId})`,
  );
  return Prisma.sql`NOT (${Prisma.join(hidden, " OR ")})`;
}

/**
 * The complement of visibleAnnotationSql within the workspace's live annotations: those the
 * actor's open blinds hide from them, or null when no blind is open. For counts kept over the
 * whole workspace (the dashboard tallies, lib/dashboard/tally-sql.ts), which take these away
 * rather than re-count what the actor may see. Each blind names its article, so this reads
 * only the blinded articles' rows.
 */
export function hiddenAnnotationSql(v: Visibility, alias = "a"): Prisma.Sql | null {
  return v.blinds.length === 0 ? null : Prisma.sql`${liveSql(v, alias)} AND (${blindedSql(v, alias)})`;
}

/** A viewer whose ids may also be SQL expressions (a statement that reads its actor in a CTE). */
export type SqlViewer = { userId: string | Prisma.Sql; workspaceId: string | Prisma.Sql };

function liveSql(v: SqlViewer, alias: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`${alias}."workspaceId"`)} = ${v.workspaceId} AND ${Prisma.raw(`${alias}."deletedAt"`)} IS NULL`;
}

/** Annotations hidden by one of the actor's blinds: the other's work on that article, or work continuing it. */
function blindedSql(v: Visibility, alias: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const hidden = v.blinds.map(
    (b) =>
      Prisma.sql`(${col("articleId")} = ${b.articleId} AND (${col("authorId")} = ${b.hiddenUserId} OR ${b.hiddenUserId} = ANY(${col("priorAuthorIds")})))`,
  );
  return Prisma.join(hidden, " OR ");
}

/**
 * Which earlier check an annotation reused ("Checked before"), as the actor may see it: its id
 * when that annotation is visible to them, else null, so a blinded reader never learns the id of
 * work hidden from them. SQL on "Annotation" aliased `alias`. It reads the actor's open blinds on
 * the reused check's article itself (the same rule as blindedSql), because the statements that
 * need it (the one-statement API reads, lib/annotations/list-query.ts) hold no Visibility.
 */
export function visibleReusedFromSql(viewer: SqlViewer, alias = "a"): Prisma.Sql {
  const other = Prisma.sql`CASE WHEN s."firstReviewerId" = ${viewer.userId} THEN s."secondReviewerId" ELSE s."firstReviewerId" END`;
  return Prisma.sql`(SELECT x.id FROM "Annotation" x
    WHERE x.id = ${Prisma.raw(`${alias}."reusedFromId"`)} AND ${liveSql(viewer, "x")}
      AND NOT EXISTS (SELECT 1 FROM "SecondOpinion" s
        WHERE s."articleId" = x."articleId" AND s."workspaceId" = ${viewer.workspaceId} AND s."revealedAt" IS NULL
          AND ${viewer.userId} IN (s."firstReviewerId", s."secondReviewerId")
          AND (x."authorId" = ${other} OR ${other} = ANY(x."priorAuthorIds"))))`;
}

/**
 * For a statement about one article that holds no Visibility (it may read its actor in SQL, as
 * the one-statement API reads do: lib/annotations/list-query.ts): the people the viewer's open
 * blind second opinion on that article hides from them, as a query of "userId", to be named as a
 * CTE (`hidden`) and used with visibleOnArticleSql and visiblePersonOnArticleSql. The rule is
 * blindedSql's, computed in SQL.
 */
export function hiddenOnArticleSql(viewer: SqlViewer, article: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT CASE WHEN s."firstReviewerId" = ${viewer.userId} THEN s."secondReviewerId" ELSE s."firstReviewerId" END AS "userId"
    FROM "SecondOpinion" s
    WHERE s."workspaceId" = ${viewer.workspaceId} AND s."articleId" = ${article} AND s."revealedAt" IS NULL
      AND ${viewer.userId} IN (s."firstReviewerId", s."secondReviewerId")`;
}

/**
 * visibleAnnotationSql for an annotation aliased `alias` on the article of a `hidden` CTE
 * (hiddenOnArticleSql): the viewer's workspace, not deleted, neither written by a hidden person
 * nor continuing their work.
 */
export function visibleOnArticleSql(viewer: SqlViewer, alias: string, hidden = "hidden"): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const people = Prisma.raw(`SELECT "userId" FROM ${hidden}`);
  return Prisma.sql`${liveSql(viewer, alias)} AND ${col("authorId")} NOT IN (${people}) AND NOT (${col("priorAuthorIds")} && ARRAY(${people}))`;
}

/** visibleWorkSql on the article of a `hidden` CTE: work (a note, a review) by the person in column `person` is hidden when they are. */
export function visiblePersonOnArticleSql(person: string, hidden = "hidden"): Prisma.Sql {
  return Prisma.raw(`${person} NOT IN (SELECT "userId" FROM ${hidden})`);
}

/** The JS twin of visibleReusedFromSql, for a reused check already read (null when there is none). */
export function visibleReusedFromId(
  v: Visibility,
  reused: (Parameters<typeof maySee>[1] & { id: string }) | null,
): string | null {
  return reused && maySee(v, reused) ? reused.id : null;
}

/**
 * The public reader's scope: what anyone may read without signing in. Only checks that are
 * published and current (not deleted, not superseded by a published correction, not a dismissed
 * orphan), of a workspace whose admins turned "Public pages" on. Drafts, submitted and approved
 * work, notes, reviews, emails and everything else stay private; callers select only the public
 * fields of these rows (lib/publish/checks.ts).
 */
export function publicAnnotationWhere(): Prisma.AnnotationWhereInput {
  return { ...oncePublicAnnotationWhere(), deletedAt: null, supersededAt: null, placement: { not: "DISMISSED" } };
}

/**
 * Checks that were public once, whatever became of them since: a superseded one redirects to its
 * correction and a withdrawn (deleted) one answers 410, where anything never published is a 404.
 */
export function oncePublicAnnotationWhere(): Prisma.AnnotationWhereInput {
  return { status: "PUBLISHED", workspace: { publicPages: true } };
}

/**
 * The SQL twin of visibleNoteWhere, for a note aliased `note` on an annotation aliased
 * `annotation` (the caller applies visibleAnnotationSql to that annotation): a note by someone
 * the actor is blinded from, on that article, is hidden.
 */
export function visibleNoteSql(v: Visibility, note = "n", annotation = "a"): Prisma.Sql {
  if (v.blinds.length === 0) return Prisma.sql`TRUE`;
  const col = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);
  const hidden = v.blinds.map(
    (b) =>
      Prisma.sql`(${col(annotation, "articleId")} = ${b.articleId} AND ${col(note, "authorId")} = ${b.hiddenUserId})`,
  );
  return Prisma.sql`NOT (${Prisma.join(hidden, " OR ")})`;
}

/**
 * The visibility of many people at once on a few articles (the live event fan-out): one query
 * for the open blinds on those articles among those people. Each Visibility holds only the blinds
 * on `articleIds`, so it answers only for rows of those articles.
 */
export async function visibilityOnArticles(
  db: Db,
  viewers: Viewer[],
  articleIds: string[],
): Promise<Map<string, Visibility>> {
  const byUser = new Map(
    viewers.map((viewer) => [
      `${viewer.workspaceId}:${viewer.userId}`,
      { ...viewer, blinds: [] as Visibility["blinds"] },
    ]),
  );
  if (articleIds.length === 0 || viewers.length === 0) return byUser;
  const userIds = [...new Set(viewers.map((viewer) => viewer.userId))];
  const open = await db.secondOpinion.findMany({
    where: {
      articleId: { in: articleIds },
      revealedAt: null,
      OR: [{ firstReviewerId: { in: userIds } }, { secondReviewerId: { in: userIds } }],
    },
    select: { workspaceId: true, articleId: true, firstReviewerId: true, secondReviewerId: true },
  });
  for (const s of open) {
    byUser
      .get(`${s.workspaceId}:${s.firstReviewerId}`)
      ?.blinds.push({ articleId: s.articleId, hiddenUserId: s.secondReviewerId });
    byUser
      .get(`${s.workspaceId}:${s.secondReviewerId}`)
      ?.blinds.push({ articleId: s.articleId, hiddenUserId: s.firstReviewerId });
  }
  return byUser;
}

/** Whether `userId`'s work on the article is hidden from the actor (a person blinded away). */
export function isHiddenPerson(v: Visibility, articleId: string, userId: string | null): boolean {
  return userId !== null && v.blinds.some((b) => b.articleId === articleId && b.hiddenUserId === userId);
}

/**
 * Whether the actor may receive a live event (lib/live): of their workspace, not done by a person
 * they are blinded from on that article (as visibleEventWhere for history), and about an
 * annotation they may see. A deletion is judged on the row as it was, so those who saw the
 * annotation learn it is gone.
 */
export function maySeeEvent(
  v: Visibility,
  event: { workspaceId: string; articleId: string | null; actorId: string | null },
  annotation: { workspaceId: string; articleId: string; authorId: string; priorAuthorIds: string[] } | null,
): boolean {
  if (event.workspaceId !== v.workspaceId) return false;
  if (event.articleId && isHiddenPerson(v, event.articleId, event.actorId)) return false;
  return annotation === null || maySee(v, { ...annotation, deletedAt: null });
}
