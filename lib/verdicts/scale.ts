import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput, safeString } from "../validation";
import { bumpScaleVersion } from "./reorder";

export type ScaleOption = {
  id: string;
  key: string;
  label: string;
  color: string;
  description: string | null;
  rating: number | null;
  position: number;
  retired: boolean;
  /** Live annotations that carry it: an option in use can be retired, never deleted. */
  inUse: number;
};

const rating = z
  .union([
    z.literal(""),
    z.null(),
    z.coerce
      .number({ message: "Rating must be a whole number" })
      .int("Rating must be a whole number")
      .min(-100, "Rating is out of range")
      .max(100, "Rating is out of range"),
  ])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

const fields = {
  label: safeString("Label", "Label is required")
    .trim()
    .min(1, "Label is required")
    .max(60, "Label is too long (60 characters at most)"),
  color: z.string({ message: "Colour is required" }).regex(/^#[0-9a-fA-F]{6}$/, "Colour must look like #1a7f37"),
  description: safeString("Description")
    .trim()
    .max(500, "Description is too long (500 characters at most)")
    .nullish()
    .transform((v) => v || null),
  rating,
};

export const addOptionSchema = z.object({
  key: z
    .string({ message: "Key is required" })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Key must be lower-case words joined by hyphens, e.g. half-true")
    .max(64, "Key is too long"),
  ...fields,
});
export const updateOptionSchema = z.object(fields).partial();

/** The workspace scale's options in order, retired ones included, with how many annotations use each. Admins only. */
export async function listScaleOptions(options: { actor: Actor | null }): Promise<ScaleOption[]> {
  const actor = requireRole(options.actor, "ADMIN");
  const rows = await db.verdictOption.findMany({
    where: { scale: { workspaceId: actor.workspaceId } },
    orderBy: { position: "asc" },
    include: { _count: { select: { annotations: { where: { deletedAt: null } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    label: row.label,
    color: row.color,
    description: row.description,
    rating: row.rating,
    position: row.position,
    retired: row.retiredAt !== null,
    inUse: row._count.annotations,
  }));
}

type Tx = Prisma.TransactionClient;

async function findOption(tx: Tx, actor: Actor, optionId: unknown) {
  const id = parseInput(idSchema, optionId);
  const option = await tx.verdictOption.findFirst({ where: { id, scale: { workspaceId: actor.workspaceId } } });
  if (!option) throw notFound("Verdict option");
  return option;
}

const snapshot = (o: {
  key: string;
  label: string;
  color: string;
  rating: number | null;
  position: number;
  retiredAt: Date | null;
}) => ({
  key: o.key,
  label: o.label,
  color: o.color,
  rating: o.rating,
  position: o.position,
  retired: o.retiredAt !== null,
});

/** Adds an option at the end of the scale. Admins only; a key already on the scale is 409. */
export async function addScaleOption(options: { actor: Actor | null; input: unknown }) {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(addOptionSchema, options.input);
  return db.$transaction(async (tx) => {
    const scale = await tx.verdictScale.findUniqueOrThrow({
      where: { workspaceId: actor.workspaceId },
      include: { options: { select: { key: true, position: true } } },
    });
    if (scale.options.some((o) => o.key === input.key))
      throw new AppError("CONFLICT", `key: "${input.key}" is already on the scale`);
    const position = Math.max(-1, ...scale.options.map((o) => o.position)) + 1;
    const option = await tx.verdictOption.create({ data: { scaleId: scale.id, ...input, position } });
    await bumpScaleVersion(tx, scale.id);
    await recordAudit(tx, actor, {
      entityType: "verdictOption",
      entityId: option.id,
      action: "create",
      after: snapshot(option),
    });
    return option;
  });
}

/** Renames, recolours, re-describes or re-rates an option. Admins only. */
export async function updateScaleOption(options: { actor: Actor | null; optionId: unknown; input: unknown }) {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(updateOptionSchema, options.input);
  return db.$transaction(async (tx) => {
    const before = await findOption(tx, actor, options.optionId);
    const after = await tx.verdictOption.update({ where: { id: before.id }, data: input });
    await recordAudit(tx, actor, {
      entityType: "verdictOption",
      entityId: before.id,
      action: "update",
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Moves an option one place up or down the scale (swapping with its neighbour). Admins only. */
export async function moveScaleOption(options: { actor: Actor | null; optionId: unknown; direction: unknown }) {
  const actor = requireRole(options.actor, "ADMIN");
  const direction = parseInput(z.enum(["up", "down"], { message: "direction must be up or down" }), options.direction);
  return db.$transaction(async (tx) => {
    const option = await findOption(tx, actor, options.optionId);
    const neighbour = await tx.verdictOption.findFirst({
      where: {
        scaleId: option.scaleId,
        position: direction === "up" ? { lt: option.position } : { gt: option.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return option;
    await tx.verdictOption.update({ where: { id: option.id }, data: { position: neighbour.position } });
    await tx.verdictOption.update({ where: { id: neighbour.id }, data: { position: option.position } });
    await bumpScaleVersion(tx, option.scaleId);
    await recordAudit(tx, actor, {
      entityType: "verdictOption",
      entityId: option.id,
      action: "move",
      before: { position: option.position },
      after: { position: neighbour.position },
    });
    return option;
  });
}

/** Retires an option (it stays on existing annotations and leaves the picker) or brings it back. Admins only. */
export async function setScaleOptionRetired(options: { actor: Actor | null; optionId: unknown; retired: boolean }) {
  const actor = requireRole(options.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const before = await findOption(tx, actor, options.optionId);
    const after = await tx.verdictOption.update({
      where: { id: before.id },
      data: { retiredAt: options.retired ? (before.retiredAt ?? new Date()) : null },
    });
    await recordAudit(tx, actor, {
      entityType: "verdictOption",
      entityId: before.id,
      action: options.retired ? "retire" : "restore",
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Deletes an option no annotation has ever used; one in use (even by a deleted annotation) is 409: retire it. Admins only. */
export async function deleteScaleOption(options: { actor: Actor | null; optionId: unknown }) {
  const actor = requireRole(options.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const option = await findOption(tx, actor, options.optionId);
    const used = await tx.annotation.count({ where: { verdictOptionId: option.id } });
    if (used > 0)
      throw new AppError(
        "CONFLICT",
        `"${option.label}" is used by ${used} annotation${used === 1 ? "" : "s"}; retire it instead`,
      );
    await tx.verdictOption.delete({ where: { id: option.id } });
    await bumpScaleVersion(tx, option.scaleId);
    await recordAudit(tx, actor, {
      entityType: "verdictOption",
      entityId: option.id,
      action: "delete",
      before: snapshot(option),
    });
    return { id: option.id, deleted: true as const };
  });
}
