import { Prisma } from "../db/generated/client";
import { fastRows } from "../db/fast-rows";
import { newId } from "../db/ids";
import type { Actor } from "../auth/actor";
import type { annotationInclude } from "./view";

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;
type SourceRow = AnnotationRow["sources"][number];
type VerdictView = AnnotationRow["verdictOption"];

/**
 * The INSERT of an annotation's sources, for a statement whose CTE `annotation` (id) names the
 * annotation written: nothing is inserted when that CTE is empty. Shared by create and update.
 */
export function insertSourcesSql(sources: SourceRow[]): Prisma.Sql {
  const s = sources;
  return Prisma.sql`
    INSERT INTO "Source" (id, "annotationId", url, title, publisher, excerpt, "archiveUrl", "accessedAt", position, "createdAt", "updatedAt")
    SELECT src.id, annotation.id, src.url, src.title, src.publisher, src.excerpt, src."archiveUrl", src."accessedAt", src.position, src."createdAt",
      src."updatedAt"
    FROM annotation, unnest(${s.map((x) => x.id)}::text[], ${s.map((x) => x.url)}::text[], ${s.map((x) => x.title)}::text[],
      ${s.map((x) => x.publisher)}::text[],
      ${s.map((x) => x.excerpt)}::text[], ${s.map((x) => x.archiveUrl)}::text[], ${s.map((x) => x.accessedAt)}::timestamp(3)[],
        ${s.map((x) => x.position)}::int[],
      ${s.map((x) => x.createdAt)}::timestamp(3)[], ${s.map((x) => x.updatedAt)}::timestamp(3)[])
      AS src(id, url, title, publisher, excerpt, "archiveUrl", "accessedAt", position, "createdAt", "updatedAt")`;
}

const auditSql = (
  actor: Actor,
  action: string,
  at: Date,
  before: Prisma.InputJsonValue,
  after: Prisma.InputJsonValue | null,
) => Prisma.sql`
  INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action, before, after, "createdAt")
  SELECT ${newId()}, ${actor.workspaceId}, ${actor.userId}, 'annotation', annotation.id, ${action}, ${JSON.stringify(before)}::jsonb,
    ${after === null ? null : JSON.stringify(after)}::jsonb, ${at} FROM annotation`;

export type Change = {
  id: string;
  /** The version read; the write happens only if it is still the current one (and the row is live and not published). */
  version: number;
  at: Date;
  claim?: string;
  claimant?: string | null;
  rationale?: string | null;
  /** A verdict key: the option must still be offered by the workspace's scale. */
  verdict?: string;
  /** The new list, replacing the old; undefined keeps it. */
  sources?: SourceRow[];
  audit: { before: Prisma.InputJsonValue; after: Prisma.InputJsonValue };
};

/**
 * Updates one annotation, replaces its sources and records the audit event in one statement
 * (atomic as any statement is), the verdict option looked up inside it. Nothing is written when
 * the version moved on, the row was deleted or published meanwhile, or the verdict is not an
 * offered option. Answers whether it was written and the option (null when none was asked for
 * or it is not offered).
 */
export async function updateOne(
  actor: Actor,
  change: Change,
): Promise<{ updated: boolean; option: (VerdictView & { id: string }) | null }> {
  const set = <T>(column: string, value: T | undefined) =>
    value === undefined ? Prisma.empty : Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value},`;
  const hasVerdict = change.verdict !== undefined;
  // Straight on pg, as create's write is (lib/db/fast-rows.ts): Prisma's raw query added several ms to a write under load.
  const [result] = await fastRows<{ updated: boolean; option: (VerdictView & { id: string }) | null }>(Prisma.sql`
    WITH option AS (
      SELECT v.id, jsonb_build_object('id', v.id, 'key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating) AS view
      FROM "VerdictOption" v JOIN "VerdictScale" s ON s.id = v."scaleId"
      WHERE ${hasVerdict} AND v.key = ${change.verdict ?? null} AND v."retiredAt" IS NULL AND s."workspaceId" = ${actor.workspaceId}
    ),
    annotation AS (
      UPDATE "Annotation" a SET ${set("claim", change.claim)} ${set("claimant", change.claimant)} ${set("rationale", change.rationale)}
        "verdictOptionId" = COALESCE((SELECT id FROM option), a."verdictOptionId"), version = a.version + 1, "updatedAt" = ${change.at}
      WHERE a.id = ${change.id} AND a."workspaceId" = ${actor.workspaceId} AND a.version = ${change.version} AND a."deletedAt" IS NULL
        AND a.status <> 'PUBLISHED'
        AND (NOT ${hasVerdict} OR EXISTS (SELECT 1 FROM option))
      RETURNING a.id
    ),
    gone AS (DELETE FROM "Source" WHERE ${change.sources !== undefined} AND "annotationId" IN (SELECT id FROM annotation)),
    sources AS (${change.sources ? insertSourcesSql(change.sources) : Prisma.sql`SELECT 1`}),
    audit AS (${auditSql(actor, "update", change.at, change.audit.before, change.audit.after)})
    SELECT EXISTS (SELECT 1 FROM annotation) AS updated, (SELECT view FROM option) AS option`);
  return result;
}

/**
 * Soft-deletes one annotation and records the audit event in one statement; nothing is written
 * when the version moved on or it is already deleted or published. Answers whether it was deleted.
 */
export async function deleteOne(
  actor: Actor,
  target: { id: string; version: number; at: Date; before: Prisma.InputJsonValue },
): Promise<boolean> {
  const [result] = await fastRows<{ deleted: boolean }>(Prisma.sql`
    WITH annotation AS (
      UPDATE "Annotation" SET "deletedAt" = ${target.at}, version = version + 1, "updatedAt" = ${target.at}
      WHERE id = ${target.id} AND "workspaceId" = ${actor.workspaceId} AND version = ${target.version} AND "deletedAt" IS NULL AND status <> 'PUBLISHED'
      RETURNING id
    ),
    audit AS (${auditSql(actor, "delete", target.at, target.before, null)})
    SELECT EXISTS (SELECT 1 FROM annotation) AS deleted`);
  return result.deleted;
}
