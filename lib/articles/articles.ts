import { db } from "../db/client";
import { newId } from "../db/ids";
import { Prisma } from "../db/generated/client";
import { requireMember, type Actor } from "../auth/actor";
import { hasRole } from "../auth/roles";
import { recordAudit } from "../audit/record";
import { anchorFor } from "../anchoring/anchor";
import { textHash } from "./text-hash";
import { reanchorAll, type ReanchorMethod } from "../anchoring/reanchor";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { parseArticleBodyInWorker } from "./body/parse-pool";
import { lockArticle } from "./lock";
import { createArticleSchema, reviseArticleSchema, updateArticleSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * Editors and admins add and revise articles; reviewers too when the workspace's admin allows it.
 * Metadata edits stay with editors and admins.
 */
async function requireArticleWriter(tx: Tx, actor: Actor | null): Promise<Actor> {
  const member = requireMember(actor);
  if (hasRole(member.role, "EDITOR")) return member;
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: member.workspaceId },
    select: { reviewersMayAddArticles: true },
  });
  if (!workspace.reviewersMayAddArticles)
    throw new AppError("FORBIDDEN", "Only editors and admins add or revise articles in this workspace");
  return member;
}

function requireEditor(actor: Actor | null): Actor {
  const member = requireMember(actor);
  if (!hasRole(member.role, "EDITOR"))
    throw new AppError("FORBIDDEN", "Only editors and admins edit an article's details");
  return member;
}

/**
 * Adds an article with its first revision, the body read from plain text, Markdown or HTML.
 * Answers its id and revision id.
 */
export async function createArticle(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ id: string; revisionId: string }> {
  requireMember(options.actor);
  const input = parseInput(createArticleSchema, options.input);
  const { value, text } = await parseArticleBodyInWorker(input.format, input.body);
  return db.$transaction(async (tx) => {
    const actor = await requireArticleWriter(tx, options.actor);
    const article = await tx.article.create({
      data: {
        workspaceId: actor.workspaceId,
        title: input.title,
        outlet: input.outlet,
        author: input.author,
        section: input.section,
        sourceUrl: input.url,
        publishedAt: input.publishedAt,
        createdById: actor.userId,
        revisions: { create: { number: 1, body: value, text, textHash: textHash(text), createdById: actor.userId } },
      },
      include: { revisions: { select: { id: true } } },
    });
    await recordAudit(tx, actor, {
      entityType: "article",
      entityId: article.id,
      action: "create",
      after: { title: input.title, format: input.format, blocks: value.length, characters: text.length },
    });
    return { id: article.id, revisionId: article.revisions[0].id };
  });
}

/** Changes an article's title, outlet, author, URL, date or section. Editors and admins. */
export async function updateArticle(options: { actor: Actor | null; articleId: unknown; input: unknown }) {
  const actor = requireEditor(options.actor);
  const id = parseInput(idSchema, options.articleId);
  const input = parseInput(updateArticleSchema, options.input);
  return db.$transaction(async (tx) => {
    const before = await tx.article.findFirst({
      where: { id, workspaceId: actor.workspaceId },
      select: { title: true, outlet: true, author: true, section: true, sourceUrl: true, publishedAt: true },
    });
    if (!before) throw notFound("Article");
    const { url, ...rest } = input;
    const after = await tx.article.update({
      where: { id },
      data: { ...rest, ...(url !== undefined ? { sourceUrl: url } : {}) },
      select: { id: true, title: true, outlet: true, author: true, section: true, sourceUrl: true, publishedAt: true },
    });
    await recordAudit(tx, actor, {
      entityType: "article",
      entityId: id,
      action: "update",
      before: JSON.parse(JSON.stringify(before)),
      after: JSON.parse(JSON.stringify(after)),
    });
    return after;
  });
}

export type ReanchorOutcome = {
  annotationId: string;
  method: ReanchorMethod;
  confidence: number;
  orphaned: boolean;
  reason?: string;
};

export type RevisionReport = { revisionId: string; number: number; annotations: ReanchorOutcome[] };

/**
 * Replaces the article's body with a new immutable revision and moves every annotation of the
 * current one onto it (lib/anchoring/reanchor): followed ones get their new span (fuzzy ones to be
 * confirmed), orphans stay on the old revision for a person to re-place. The revision, every
 * annotation's new place and the record of how it got there are one transaction. Answers the
 * report of each annotation's outcome.
 */
export async function reviseArticle(options: {
  actor: Actor | null;
  articleId: unknown;
  input: unknown;
}): Promise<RevisionReport> {
  requireMember(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const input = parseInput(reviseArticleSchema, options.input);
  const { value, text } = await parseArticleBodyInWorker(input.format, input.body);
  return db.$transaction(
    async (tx) => {
      const actor = await requireArticleWriter(tx, options.actor);
      // Two revisions at once would both be number N+1; annotations written meanwhile would be left behind.
      if (!(await lockArticle(tx, { articleId, workspaceId: actor.workspaceId }, "update"))) throw notFound("Article");
      const current = await tx.articleRevision.findFirstOrThrow({
        where: { articleId },
        orderBy: { number: "desc" },
        select: { id: true, number: true, text: true },
      });
      if (current.text === text)
        throw new AppError(
          "BAD_REQUEST",
          `body: the text is the same as revision ${current.number}; nothing to revise`,
        );
      const revision = await tx.articleRevision.create({
        data: {
          articleId,
          number: current.number + 1,
          body: value,
          text,
          textHash: textHash(text),
          createdById: actor.userId,
        },
        select: { id: true, number: true },
      });
      const annotations = await tx.annotation.findMany({
        where: { articleId, revisionId: current.id, deletedAt: null, placement: { in: ["ANCHORED", "NEEDS_CHECK"] } },
        select: { id: true, start: true, end: true, quote: true, prefix: true, suffix: true, placement: true },
      });
      const results = reanchorAll(current.text, text, annotations);
      await moveAnnotations(tx, revision.id, text, annotations, results);
      await recordReanchorings(tx, { from: current.id, to: revision.id, actorId: actor.userId }, annotations, results);
      const outcomes = results.map((r): ReanchorOutcome => ({
        annotationId: r.id,
        method: r.method,
        confidence: r.confidence,
        orphaned: r.method === "orphan",
        ...("reason" in r ? { reason: r.reason } : {}),
      }));
      const count = (method: ReanchorMethod) => results.filter((r) => r.method === method).length;
      await recordAudit(tx, actor, {
        entityType: "article",
        entityId: articleId,
        action: "revise",
        after: {
          revision: revision.number,
          format: input.format,
          position: count("position"),
          quote: count("quote"),
          fuzzy: count("fuzzy"),
          orphan: count("orphan"),
        },
      });
      return { revisionId: revision.id, number: revision.number, annotations: outcomes };
    },
    { timeout: 60_000 },
  );
}

/**
 * Writes every annotation's new place in one statement (thousands of annotations in one round
 * trip): followed ones move to the new revision with a fresh anchor, fuzzy ones also need a check,
 * orphans only change their placement.
 */
async function moveAnnotations(
  tx: Tx,
  revisionId: string,
  text: string,
  annotations: { id: string; placement: string }[],
  results: ReturnType<typeof reanchorAll>,
) {
  const moved = results.flatMap((result, i) => {
    if (result.method === "orphan") return [];
    const anchor = anchorFor(text, result.start, result.end);
    const placement = result.method === "fuzzy" ? "NEEDS_CHECK" : annotations[i].placement;
    return [{ id: result.id, placement, ...anchor }];
  });
  if (moved.length > 0) {
    await tx.$executeRaw`
      UPDATE "Annotation" AS a SET "revisionId" = ${revisionId}, start = m.start, "end" = m."end", quote = m.quote, prefix = m.prefix, suffix = m.suffix,
        placement = m.placement::"Placement", "updatedAt" = now()
      FROM unnest(${moved.map((m) => m.id)}::text[], ${moved.map((m) => m.start)}::int[], ${moved.map((m) => m.end)}::int[],
        ${moved.map((m) => m.quote)}::text[],
                  ${moved.map((m) => m.prefix)}::text[], ${moved.map((m) => m.suffix)}::text[], ${moved.map((m) => m.placement)}::text[])
        AS m(id, start, "end", quote, prefix, suffix, placement)
      WHERE a.id = m.id`;
  }
  const orphans = results.filter((r) => r.method === "orphan").map((r) => r.id);
  if (orphans.length > 0)
    await tx.annotation.updateMany({ where: { id: { in: orphans } }, data: { placement: "ORPHANED" } });
}

/** What a body would become, without saving it: for the preview before adding or revising. Any member. */
export async function previewArticleBody(options: { actor: Actor | null; input: unknown }) {
  requireMember(options.actor);
  const input = parseInput(reviseArticleSchema, options.input);
  return parseArticleBodyInWorker(input.format, input.body);
}

/**
 * One Reanchoring row per annotation, in one statement: Prisma's createMany binds every value as
 * its own parameter and took over a second for 2,000 rows; unnest of one array per column does not.
 */
async function recordReanchorings(
  tx: Tx,
  revisions: { from: string; to: string; actorId: string },
  annotations: { start: number; end: number; quote: string }[],
  results: ReturnType<typeof reanchorAll>,
) {
  if (results.length === 0) return;
  const column = <T>(pick: (result: (typeof results)[number], i: number) => T) => results.map(pick);
  await tx.$executeRaw`
    INSERT INTO "Reanchoring" (id, "annotationId", "fromRevisionId", "toRevisionId", method, confidence, "oldStart", "oldEnd", "oldQuote", "newStart",
      "newEnd", reason, "actorId")
    SELECT r.id, r."annotationId", ${revisions.from}, ${revisions.to}, r.method, r.confidence, r."oldStart", r."oldEnd", r."oldQuote", r."newStart",
      r."newEnd", r.reason, ${revisions.actorId}
    FROM unnest(${column(() => newId())}::text[], ${column((r) => r.id)}::text[], ${column((r) => r.method)}::text[], ${column((r) => r.confidence)}::float8[],
                ${column((_, i) => annotations[i].start)}::int[], ${column((_, i) => annotations[i].end)}::int[],
                  ${column((_, i) => annotations[i].quote)}::text[],
                ${column((r) => ("start" in r ? r.start : null))}::int[], ${column((r) => ("end" in r ? r.end : null))}::int[],
                  ${column((r) => ("reason" in r ? r.reason : null))}::text[])
      AS r(id, "annotationId", method, confidence, "oldStart", "oldEnd", "oldQuote", "newStart", "newEnd", reason)`;
}
