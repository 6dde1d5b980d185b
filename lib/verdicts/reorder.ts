import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { AppError, notFound } from "../errors";
import { idSchema, int4, parseInput } from "../validation";

type Tx = Prisma.TransactionClient;

export const reorderSchema = z
  .object({
    order: z
      .array(idSchema, { message: "order must be a list of option ids" })
      .min(1, "order must name the options")
      .max(200, "order is too long"),
    version: int4("version"),
  })
  .strict()
  .refine((input) => new Set(input.order).size === input.order.length, {
    message: "order names an option twice",
    path: ["order"],
  });

/** The scale's version, which a reorder must name. Admins only. */
export async function getScaleVersion(options: { actor: Actor | null }): Promise<number> {
  const actor = requireRole(options.actor, "ADMIN");
  const scale = await db.verdictScale.findUniqueOrThrow({
    where: { workspaceId: actor.workspaceId },
    select: { version: true },
  });
  return scale.version;
}

/**
 * Counts a change to the scale's options (their set or order) in the same transaction, so a
 * reorder prepared before it is refused. Returns the new version.
 */
export async function bumpScaleVersion(tx: Tx, scaleId: string): Promise<number> {
  const scale = await tx.verdictScale.update({
    where: { id: scaleId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  return scale.version;
}

/**
 * Puts the workspace scale's options in the given order (every option, retired ones too, each
 * once), as dragged or moved with the keyboard on the scale page. Admins only. The version is
 * checked in the UPDATE that bumps it: a stale or concurrent reorder, or one that misses an
 * option added meanwhile, is 409 and changes nothing; another workspace's option is 404. Positions
 * are written in one statement.
 */
export async function reorderScaleOptions(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ version: number; order: string[] }> {
  const actor = requireRole(options.actor, "ADMIN");
  const { order, version } = parseInput(reorderSchema, options.input);
  return db.$transaction(async (tx) => {
    const scale = await tx.verdictScale.findUniqueOrThrow({
      where: { workspaceId: actor.workspaceId },
      include: { options: { orderBy: { position: "asc" }, select: { id: true } } },
    });
    const before = scale.options.map((o) => o.id);
    // Another workspace's option is not found here, as everywhere; a list short of ours is a bad request.
    if (order.some((id) => !before.includes(id))) throw notFound("Verdict option");
    // Checked and bumped in one UPDATE: an add, delete, move or reorder since the page loaded has
    // bumped it (so a stale list that misses a new option is 409, the real cause, not 400).
    const claimed = await tx.verdictScale.updateMany({
      where: { id: scale.id, version },
      data: { version: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new AppError(
        "CONFLICT",
        "The verdict scale changed since you loaded it; reload the page and order it again",
      );
    if (order.length !== before.length)
      throw new AppError("BAD_REQUEST", "order must name every option of the scale exactly once");
    await tx.$executeRaw`
      UPDATE "VerdictOption" o SET position = t.position
      FROM unnest(${order}::text[]) WITH ORDINALITY AS t(id, position)
      WHERE o.id = t.id AND o."scaleId" = ${scale.id}`;
    await recordAudit(tx, actor, {
      entityType: "verdictScale",
      entityId: scale.id,
      action: "reorder",
      before: { order: before },
      after: { order },
    });
    return { version: version + 1, order };
  });
}
