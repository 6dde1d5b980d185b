import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/roles";
import { recordAudit } from "../audit/record";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { addMemberSchema, roleSchema } from "./schemas";

export type Member = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  joinedAt: Date;
};

const memberSelect = {
  id: true,
  role: true,
  deactivatedAt: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MembershipSelect;

type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

const toMember = (row: MemberRow): Member => ({
  membershipId: row.id,
  userId: row.user.id,
  name: row.user.name,
  email: row.user.email,
  role: row.role,
  active: row.deactivatedAt === null,
  joinedAt: row.createdAt,
});

/** Everyone in the admin's workspace, active first, then by name. Admins only. */
export async function listMembers(options: { actor: Actor | null }): Promise<Member[]> {
  const actor = requireRole(options.actor, "ADMIN");
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    select: memberSelect,
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { user: { name: "asc" } }],
  });
  return rows.map(toMember);
}

/**
 * Creates a user with an initial password and makes them a member. An email that already has an
 * account is refused (409) rather than silently attached: that account's owner sets their password.
 */
export async function addMember(options: { actor: Actor | null; input: unknown }): Promise<Member> {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(addMemberSchema, options.input);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `An account for ${input.email} already exists`);
    }
    const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash } });
    const row = await tx.membership.create({
      data: { workspaceId: actor.workspaceId, userId: user.id, role: input.role },
      select: memberSelect,
    });
    const member = toMember(row);
    await recordAudit(tx, actor, {
      entityType: "membership",
      entityId: member.membershipId,
      action: "create",
      after: { name: member.name, email: member.email, role: member.role },
    });
    return member;
  });
}

type MembershipChange = { actor: Actor | null; membershipId: unknown };

/** Loads a membership of the admin's workspace inside `tx`, or 404 (other workspaces look absent). */
async function findMembership(tx: Prisma.TransactionClient, actor: Actor, membershipId: unknown): Promise<MemberRow> {
  const id = parseInput(idSchema, membershipId);
  const row = await tx.membership.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: memberSelect });
  if (!row) throw notFound("Member");
  return row;
}

/** Refuses a change that would leave the workspace without an active admin. */
async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, actor: Actor, row: MemberRow) {
  if (row.role !== "ADMIN" || row.deactivatedAt !== null) return;
  const admins = await tx.membership.count({
    where: { workspaceId: actor.workspaceId, role: "ADMIN", deactivatedAt: null },
  });
  if (admins <= 1) throw new AppError("CONFLICT", "The workspace needs at least one active admin");
}

/** Changes a member's role; it applies from their next request. Admins only. */
export async function changeMemberRole(options: MembershipChange & { role: unknown }): Promise<Member> {
  const actor = requireRole(options.actor, "ADMIN");
  const role = parseInput(roleSchema, options.role);
  return db.$transaction(async (tx) => {
    const row = await findMembership(tx, actor, options.membershipId);
    if (row.role === role) return toMember(row);
    if (role !== "ADMIN") await assertAnotherActiveAdmin(tx, actor, row);
    const updated = await tx.membership.update({ where: { id: row.id }, data: { role }, select: memberSelect });
    await recordAudit(tx, actor, {
      entityType: "membership",
      entityId: row.id,
      action: "role.change",
      before: { role: row.role },
      after: { role },
    });
    return toMember(updated);
  });
}

/** Deactivates or reactivates a member. A deactivated member can neither sign in nor act. Admins only. */
export async function setMemberActive(options: MembershipChange & { active: boolean }): Promise<Member> {
  const actor = requireRole(options.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const row = await findMembership(tx, actor, options.membershipId);
    if ((row.deactivatedAt === null) === options.active) return toMember(row);
    if (!options.active) {
      if (row.user.id === actor.userId) throw new AppError("CONFLICT", "You cannot deactivate yourself");
      await assertAnotherActiveAdmin(tx, actor, row);
    }
    const updated = await tx.membership.update({
      where: { id: row.id },
      data: { deactivatedAt: options.active ? null : new Date() },
      select: memberSelect,
    });
    await recordAudit(tx, actor, {
      entityType: "membership",
      entityId: row.id,
      action: options.active ? "reactivate" : "deactivate",
      before: { active: !options.active },
      after: { active: options.active },
    });
    return toMember(updated);
  });
}

/** The workspace's active members by name, for pickers and filters (no emails). Any member. */
export async function listColleagues(options: { actor: Actor | null }): Promise<{ id: string; name: string }[]> {
  const actor = requireActor(options.actor);
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId, deactivatedAt: null },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((row) => row.user);
}
