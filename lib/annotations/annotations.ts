import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { loadActor, requireActor, requireMember, type Actor, type SessionClaims } from "../auth/actor";
import { hasRole } from "../auth/roles";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import {
  maySee,
  visibilityFor,
  visibleAnnotationWhere,
  visibleEventWhere,
  visibleInclude,
  type Visibility,
} from "../access/visibility";
import { lockArticle } from "../articles/lock";
import {
  selectAnnotation,
  selectArticleAnnotationsJson,
  selectArticleAnnotationsJsonForSession,
  selectArticleSummaries,
} from "./list-query";
import { deleteOne, updateOne } from "./write-one";
import { newId } from "../db/ids";
import { createAnnotationFast } from "./create";
import { createAnnotationSchema, deleteAnnotationSchema, updateAnnotationSchema } from "./schemas";
import {
  annotationInclude,
  auditSnapshot,
  toAnnotationView,
  type AnnotationSummary,
  type AnnotationView,
} from "./view";

type Tx = Prisma.TransactionClient;
type SourceData = Omit<Prisma.SourceCreateManyAnnotationInput, "position">;

/**
 * The article of the actor's workspace with its current revision, or 404 (another workspace's
 * article looks absent). With `lock`, the article is locked against a revision first (lib/articles/lock.ts).
 */
async function findArticle(tx: Tx, actor: Actor, articleId: unknown, lock?: "share") {
  const id = parseInput(idSchema, articleId);
  if (lock && !(await lockArticle(tx, { articleId: id, workspaceId: actor.workspaceId }, lock)))
    throw notFound("Article");
  const article = await tx.article.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
  });
  if (!article) throw notFound("Article");
  return article;
}

/**
 * A live annotation the actor may see (lib/access/visibility.ts), with the notes, reviews and
 * corrections they may see; 404 otherwise (another workspace's, or hidden by a blind second opinion).
 */
export async function findAnnotation(tx: Tx, actor: Actor, annotationId: unknown) {
  const id = parseInput(idSchema, annotationId);
  const visibility = await visibilityFor(tx, actor);
  const row = await tx.annotation.findFirst({
    where: { id, ...visibleAnnotationWhere(visibility) },
    include: visibleInclude(annotationInclude, visibility),
  });
  if (!row || !maySee(visibility, row)) throw notFound("Annotation");
  return row;
}

/** Authors change their own annotations; editors and admins change any in their workspace. */
export function assertMayChange(actor: Actor, authorId: string) {
  if (authorId !== actor.userId && !hasRole(actor.role, "EDITOR")) {
    throw new AppError("FORBIDDEN", "Only the author, an editor or an admin can change this annotation");
  }
}

/** Published work is locked: 409 for any edit or deletion; it changes only through a correction. */
function assertNotPublished(status: string) {
  if (status === "PUBLISHED")
    throw new AppError("CONFLICT", "This annotation is published and locked: start a correction to change it");
}

export const sourceRows = (sources: SourceData[]) => sources.map((source, position) => ({ ...source, position }));

/**
 * Creates an annotation on a span of the article's current revision, with its sources and a
 * first note, in one transaction. The server reads the quote from the stored text and refuses a
 * quote that does not match the offsets, so a client cannot store a lie. Any member may annotate.
 */
export async function createAnnotation(options: {
  actor: Actor | null;
  articleId: unknown;
  input: unknown;
}): Promise<AnnotationView> {
  const actor = requireMember(options.actor);
  const input = parseInput(createAnnotationSchema, options.input);
  const articleId = parseInput(idSchema, options.articleId);
  // One read and one write statement (lib/annotations/create.ts): this is the API's hottest write.
  return createAnnotationFast({ actor }, articleId, input);
}

/**
 * createAnnotation for a signed-in session, the actor read (from the token's claims, as loadActor
 * reads it) in the create's own read: two round trips per request instead of three (issue #15
 * item 2). `readInput` gives the request's body. The same answers in the same order: 401 without
 * a valid session comes before anything the body could cause (so a body that cannot be read or
 * parsed waits for the actor), and a reuse of an earlier check reads the actor first as
 * createAnnotation does, since its visibility decides what may be reused.
 */
export async function createAnnotationForSession(options: {
  claims: SessionClaims | null;
  articleId: unknown;
  readInput: () => Promise<unknown>;
}): Promise<AnnotationView> {
  const claims = options.claims;
  // No session: createAnnotation's 401.
  if (!claims) return createAnnotation({ actor: null, articleId: options.articleId, input: null });
  const actorFirst = async (input: unknown) =>
    createAnnotation({ actor: await loadActor(claims), articleId: options.articleId, input });
  let body: unknown;
  try {
    body = await options.readInput();
  } catch (error) {
    requireMember(await loadActor(claims));
    throw error;
  }
  const input = createAnnotationSchema.safeParse(body);
  const articleId = idSchema.safeParse(options.articleId);
  if (!input.success || !articleId.success || input.data.reusedFrom) return actorFirst(body);
  return createAnnotationFast({ claims }, articleId.data, input.data);
}

/**
 * The article's live, current (not superseded) annotations in text order, with sources and notes. Any member.
 * As objects, parsed from the body listAnnotationsBody gives the API: one implementation of the list.
 * No request path calls it (the route sends the body as it is); lib callers and tests do.
 */
export async function listAnnotationsForArticle(options: {
  actor: Actor | null;
  articleId: unknown;
}): Promise<AnnotationView[]> {
  return (JSON.parse(await listAnnotationsBody(options)) as ListBody).annotations;
}

/** The list route's JSON answer. */
type ListBody = { annotations: AnnotationView[] };

/**
 * GET /api/articles/:id/annotations's answer, `{"annotations":[AnnotationView...]}`, as JSON text
 * written by PostgreSQL in one statement (lib/annotations/list-query.ts), for the route to send
 * as it is: this is the API's hottest read, and decoding, mapping and re-encoding the list in
 * Node was most of its work above the framework's (issue #15 item 2). 401 without an actor, 400
 * for a malformed id, 404 outside the actor's workspace.
 */
export async function listAnnotationsBody(options: { actor: Actor | null; articleId: unknown }): Promise<string> {
  const actor = requireActor(options.actor);
  const body = await selectArticleAnnotationsJson(actor, parseInput(idSchema, options.articleId));
  if (body === null) throw notFound("Article");
  return body;
}

/**
 * listAnnotationsBody for a signed-in session, the actor read (from the token's claims, as
 * loadActor reads it) in the list's own statement: one round trip per request. The same answers.
 */
export async function listAnnotationsBodyForSession(options: {
  claims: SessionClaims;
  articleId: unknown;
}): Promise<string> {
  const articleId = idSchema.safeParse(options.articleId);
  // A malformed id reads nothing; the actor decides between 401 and 400, as above.
  if (!articleId.success)
    return listAnnotationsBody({ actor: await loadActor(options.claims), articleId: options.articleId });
  const result = await selectArticleAnnotationsJsonForSession(options.claims, articleId.data);
  if (!result.signedIn) requireActor(null);
  if (result.body === null) throw notFound("Article");
  return result.body;
}

/**
 * The live annotations placed on the article's current revision, as summaries (no context,
 * sources or notes), in text order: what the article page draws highlights and its list from,
 * kept small for long articles. Orphans of a revision are listed by listOrphans instead. One
 * statement (lib/annotations/list-query.ts).
 */
export async function listAnnotationSummaries(options: {
  actor: Actor | null;
  articleId: unknown;
}): Promise<AnnotationSummary[]> {
  const actor = requireActor(options.actor);
  const summaries = await selectArticleSummaries(actor, parseInput(idSchema, options.articleId));
  if (!summaries) throw notFound("Article");
  return summaries;
}

/** One live annotation of the actor's workspace. Any member. One statement (lib/annotations/list-query.ts), as the list. */
export async function getAnnotation(options: { actor: Actor | null; annotationId: unknown }): Promise<AnnotationView> {
  return toAnnotationView(await readAnnotation(requireActor(options.actor), options.annotationId));
}

/** The stale-version answer: 409 with the current copy, so the client can show what changed. */
export function staleVersion(current: AnnotationView): AppError {
  return new AppError(
    "CONFLICT",
    `Someone else changed this annotation (now version ${current.version}); reload to see their changes`,
    { current },
  );
}

/** A live annotation the actor may see, with every relation, in one statement; 404 otherwise. */
async function readAnnotation(actor: Actor, annotationId: unknown) {
  const row = await selectAnnotation(actor, parseInput(idSchema, annotationId));
  if (!row) throw notFound("Annotation");
  return row;
}

/**
 * Changes an annotation's claim, claimant, verdict, rationale or sources (the list given replaces
 * the old one). The update must name the version it was based on; a stale one gets 409 with the
 * current copy and changes nothing. One read and one write statement (lib/annotations/write-one.ts),
 * which checks the version again, so a concurrent save in between is a 409 too; the answer is
 * built from what was written, not read back.
 */
export async function updateAnnotation(options: {
  actor: Actor | null;
  annotationId: unknown;
  input: unknown;
}): Promise<AnnotationView> {
  const actor = requireMember(options.actor);
  const input = parseInput(updateAnnotationSchema, options.input);
  const row = await readAnnotation(actor, options.annotationId);
  assertMayChange(actor, row.authorId);
  assertNotPublished(row.status);
  const before = toAnnotationView(row);
  if (row.version !== input.version) throw staleVersion(before);
  const at = new Date();
  const sources = input.sources?.map((source, position) => ({
    id: newId(),
    annotationId: row.id,
    kind: null,
    ...source,
    position,
    createdAt: at,
    updatedAt: at,
  }));
  const written = (verdictOption: typeof row.verdictOption): typeof row => ({
    ...row,
    claim: input.claim ?? row.claim,
    claimant: input.claimant !== undefined ? input.claimant : row.claimant,
    rationale: input.rationale !== undefined ? input.rationale : row.rationale,
    verdictOption,
    sources: sources ?? row.sources,
    version: row.version + 1,
    updatedAt: at,
  });
  // The audit records the verdict by key, which the input gives: "after" is known before writing.
  const after = auditSnapshot(
    toAnnotationView(written({ ...row.verdictOption, key: input.verdict ?? row.verdictOption.key })),
  );
  const result = await updateOne(actor, {
    id: row.id,
    version: row.version,
    at,
    claim: input.claim,
    claimant: input.claimant,
    rationale: input.rationale,
    verdict: input.verdict,
    sources,
    audit: { before: auditSnapshot(before), after },
  });
  if (input.verdict !== undefined && !result.option)
    throw new AppError("BAD_REQUEST", `verdict: "${input.verdict}" is not an option of this workspace's verdict scale`);
  if (!result.updated) throw staleVersion(toAnnotationView(await readAnnotation(actor, row.id)));
  const { id: _optionId, ...option } = result.option ?? { id: row.verdictOptionId, ...row.verdictOption };
  void _optionId;
  return toAnnotationView({ ...written(option), verdictOptionId: result.option?.id ?? row.verdictOptionId });
}

/**
 * Soft-deletes an annotation: it leaves every view and export but stays for the audit trail.
 * With a version, a stale one gets 409; without, the version read is checked in the write, so a
 * change saved in between is a 409 rather than a deletion its author did not see. One read and
 * one write statement.
 */
export async function deleteAnnotation(options: {
  actor: Actor | null;
  annotationId: unknown;
  input?: unknown;
}): Promise<{ id: string; deleted: true }> {
  const actor = requireMember(options.actor);
  const input = parseInput(deleteAnnotationSchema, options.input ?? {});
  const row = await readAnnotation(actor, options.annotationId);
  assertMayChange(actor, row.authorId);
  assertNotPublished(row.status);
  const before = toAnnotationView(row);
  if (input.version !== undefined && input.version !== row.version) throw staleVersion(before);
  if (!(await deleteOne(actor, { id: row.id, version: row.version, at: new Date(), before: auditSnapshot(before) })))
    throw staleVersion(toAnnotationView(await readAnnotation(actor, row.id)));
  return { id: row.id, deleted: true as const };
}

export type HistoryEntry = {
  id: string;
  annotationId: string;
  action: string;
  actor: { id: string; name: string } | null;
  at: string;
  before: unknown;
  after: unknown;
};

/**
 * Every change to an annotation, its sources and notes, oldest first; for a correction, the
 * history of the versions it corrects comes first, so both stay visible. Any member.
 */
export async function listAnnotationHistory(options: {
  actor: Actor | null;
  annotationId: unknown;
}): Promise<HistoryEntry[]> {
  const actor = requireActor(options.actor);
  const row = await findAnnotation(db, actor, options.annotationId);
  const visibility = await visibilityFor(db, actor);
  const ids = [row.id];
  // The chain stops at the first earlier version the actor may not see (deleted ones stay in the story).
  for (let earlier = row.correctsId; earlier;) {
    const found = await db.annotation.findFirst({
      where: { id: earlier, ...visibleAnnotationWhere(visibility), deletedAt: undefined },
      select: { id: true, correctsId: true },
    });
    if (!found) break;
    ids.push(found.id);
    earlier = found.correctsId;
  }
  const events = await db.auditEvent.findMany({
    where: {
      workspaceId: actor.workspaceId,
      entityType: "annotation",
      entityId: { in: ids },
      ...visibleEventWhere(visibility, row.articleId),
    },
    orderBy: { createdAt: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  });
  const hideReuse = await hiddenReusedChecks(visibility, events);
  return events.map((e) => ({
    id: e.id,
    annotationId: e.entityId,
    action: e.action,
    actor: e.actor,
    at: e.createdAt.toISOString(),
    before: e.before,
    after: hideReuse(e.after),
  }));
}

/**
 * A creation event records the earlier check it reused (`after.reusedFrom.annotationId`); the
 * history names it only when the actor may see that check (lib/access/visibility.ts), so a blind
 * second opinion's hidden work is not revealed by its id. Returns the event's `after` as shown.
 */
async function hiddenReusedChecks(visibility: Visibility, events: { after: Prisma.JsonValue }[]) {
  type Reuse = { reusedFrom?: { annotationId?: string | null; referenceId?: string | null } };
  const reusedId = (after: Prisma.JsonValue) => (after as Reuse | null)?.reusedFrom?.annotationId ?? null;
  const ids = [...new Set(events.map((e) => reusedId(e.after)).filter((id): id is string => id !== null))];
  const seen = new Set(
    ids.length
      ? (
          await db.annotation.findMany({
            where: { id: { in: ids }, ...visibleAnnotationWhere(visibility) },
            select: { id: true },
          })
        ).map((row) => row.id)
      : [],
  );
  return (after: Prisma.JsonValue): Prisma.JsonValue => {
    const id = reusedId(after);
    if (id === null || seen.has(id)) return after;
    const { reusedFrom, ...rest } = after as Reuse & Record<string, Prisma.JsonValue>;
    return reusedFrom?.referenceId ? { ...rest, reusedFrom: { ...reusedFrom, annotationId: null } } : rest;
  };
}

export type OrphanSummary = Pick<AnnotationView, "id" | "quote" | "claim" | "verdict" | "author" | "version"> & {
  reason: string | null;
};

/**
 * The article's annotations that lost their place in a revision ("Needs re-anchoring"), oldest
 * first, each with the reason it could not be followed. Any member. The article page reads them
 * in getArticlePageContext's one statement; this is the readable rule its test holds it to.
 */
export async function listOrphans(options: { actor: Actor | null; articleId: unknown }): Promise<OrphanSummary[]> {
  const actor = requireActor(options.actor);
  const article = await findArticle(db, actor, options.articleId);
  const visibility = await visibilityFor(db, actor);
  const rows = await db.annotation.findMany({
    where: { articleId: article.id, supersededAt: null, ...visibleAnnotationWhere(visibility), placement: "ORPHANED" },
    select: {
      id: true,
      quote: true,
      claim: true,
      version: true,
      importedAuthor: true,
      verdictOption: annotationInclude.verdictOption,
      author: annotationInclude.author,
      reanchorings: { orderBy: { createdAt: "desc" }, take: 1, select: { reason: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(({ verdictOption, author, importedAuthor, reanchorings, ...row }) => ({
    ...row,
    verdict: verdictOption,
    author: { id: author.id, name: importedAuthor ?? author.name },
    reason: reanchorings[0]?.reason ?? null,
  }));
}
