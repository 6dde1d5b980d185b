import { requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { newId } from "../db/ids";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import {
  claimReviewItems,
  readClaimReview,
  REFERENCE_LIMITS,
  type ItemProblem,
  type ReferenceInput,
} from "./claimreview";

export type ImportReport = { imported: number; updated: number; unchanged: number; total: number };

export type ReferenceView = {
  id: string;
  url: string;
  claim: string;
  claimant: string | null;
  ratingLabel: string | null;
  ratingValue: number | null;
  publisher: string | null;
  datePublished: string | null;
  createdAt: string;
};

/**
 * Imports a ClaimReview JSON-LD file as read-only reference checks that search and "Checked
 * before" include. Editors and admins. Every item is checked first: any problem answers 400 with
 * each item's reasons (`details.problems`) and writes nothing. Idempotent by URL: a check already
 * imported is updated in place (or left alone when nothing changed), never duplicated.
 */
export async function importReferenceChecks(options: {
  actor: Actor | null;
  document: unknown;
}): Promise<ImportReport> {
  const actor = requireRole(options.actor, "EDITOR");
  const items = claimReviewItems(options.document);
  if (!items)
    throw new AppError(
      "BAD_REQUEST",
      "The file must be ClaimReview JSON-LD: one ClaimReview, a list of them, or a document with an @graph",
      { problems: [{ index: null, reason: "not a JSON object or list" }] },
    );
  if (items.length === 0)
    throw new AppError("BAD_REQUEST", "The file holds no ClaimReview", {
      problems: [{ index: null, reason: "no items" }],
    });
  if (items.length > REFERENCE_LIMITS.items)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file holds ${items.length} items; at most ${REFERENCE_LIMITS.items} can be imported at once`,
    );
  const problems: ItemProblem[] = [];
  const values: ReferenceInput[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const read = readClaimReview(item);
    if ("reasons" in read) return problems.push(...read.reasons.map((reason) => ({ index, reason })));
    const earlier = seen.get(read.value.url);
    if (earlier !== undefined) return problems.push({ index, reason: `the same url as item ${earlier}` });
    seen.set(read.value.url, index);
    values.push(read.value);
  });
  if (problems.length)
    throw new AppError(
      "BAD_REQUEST",
      `The file has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported`,
      { problems },
    );

  const column = <K extends keyof ReferenceInput>(key: K) => values.map((v) => v[key]);
  return db.$transaction(async (tx) => {
    // One statement for the whole file (unnest): new URLs insert, known ones update when they differ.
    const rows = await tx.$queryRaw<{ inserted: boolean; changed: boolean }[]>`
      INSERT INTO "ReferenceCheck" (id, "workspaceId", url, claim, claimant, "ratingLabel", "ratingValue", "worstRating", "bestRating", publisher,
        "datePublished", "importedById", "updatedAt")
      SELECT i.id, ${actor.workspaceId}, i.url, i.claim, i.claimant, i.label, i.value, i.worst, i.best, i.publisher, i.published, ${actor.userId}, now()
      FROM unnest(${values.map(() => newId())}::text[], ${column("url")}::text[], ${column("claim")}::text[], ${column("claimant")}::text[],
        ${column("ratingLabel")}::text[],
                  ${column("ratingValue")}::float8[], ${column("worstRating")}::float8[], ${column("bestRating")}::float8[],
                    ${column("publisher")}::text[], ${column("datePublished")}::timestamp(3)[])
        AS i(id, url, claim, claimant, label, value, worst, best, publisher, published)
      ON CONFLICT ("workspaceId", url) DO UPDATE SET claim = EXCLUDED.claim, claimant = EXCLUDED.claimant, "ratingLabel" = EXCLUDED."ratingLabel",
        "ratingValue" = EXCLUDED."ratingValue", "worstRating" = EXCLUDED."worstRating", "bestRating" = EXCLUDED."bestRating", publisher = EXCLUDED.publisher,
        "datePublished" = EXCLUDED."datePublished", "updatedAt" = now()
      WHERE ("ReferenceCheck".claim, "ReferenceCheck".claimant, "ReferenceCheck"."ratingLabel", "ReferenceCheck"."ratingValue",
        "ReferenceCheck"."worstRating", "ReferenceCheck"."bestRating", "ReferenceCheck".publisher, "ReferenceCheck"."datePublished")
        IS DISTINCT FROM (EXCLUDED.claim, EXCLUDED.claimant, EXCLUDED."ratingLabel", EXCLUDED."ratingValue", EXCLUDED."worstRating",
          EXCLUDED."bestRating", EXCLUDED.publisher, EXCLUDED."datePublished")
      RETURNING (xmax = 0) AS inserted, true AS changed`;
    const imported = rows.filter((r) => r.inserted).length;
    const report = {
      imported,
      updated: rows.length - imported,
      unchanged: values.length - rows.length,
      total: values.length,
    };
    if (rows.length)
      await recordAudit(tx, actor, {
        entityType: "reference",
        entityId: actor.workspaceId,
        action: "import",
        after: report,
      });
    return report;
  });
}

/** The workspace's reference checks, newest first (up to 1,000), for the editors who manage them (search shows them to everyone). */
export async function listReferenceChecks(options: { actor: Actor | null }): Promise<ReferenceView[]> {
  const actor = requireRole(options.actor, "EDITOR");
  const rows = await db.referenceCheck.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    claim: r.claim,
    claimant: r.claimant,
    ratingLabel: r.ratingLabel,
    ratingValue: r.ratingValue,
    publisher: r.publisher,
    datePublished: r.datePublished?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Removes a reference check (annotations that reused it keep their content; the link is cleared). Editors and admins; audited. */
export async function removeReferenceCheck(options: {
  actor: Actor | null;
  referenceId: unknown;
}): Promise<{ id: string }> {
  const actor = requireRole(options.actor, "EDITOR");
  const id = parseInput(idSchema, options.referenceId);
  return db.$transaction(async (tx) => {
    const removed = await tx.referenceCheck.deleteMany({ where: { id, workspaceId: actor.workspaceId } });
    if (removed.count === 0) throw notFound("Reference check");
    await recordAudit(tx, actor, { entityType: "reference", entityId: id, action: "delete" });
    return { id };
  });
}
