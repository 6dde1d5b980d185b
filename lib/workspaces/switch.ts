import { z } from "zod";
import { db } from "../db/client";
import { requireActor, requireMember, type Actor } from "../auth/actor";
import { notFound } from "../errors";
import type { Role } from "../auth/roles";
import { idSchema, parseInput } from "../validation";

export type MyWorkspace = { id: string; name: string; role: Role; current: boolean };

export const switchWorkspaceSchema = z.object({ workspaceId: idSchema }).strict();

/**
 * The workspaces the actor is an active member of, by name, each with the actor's role there and
 * whether it is the one they act in now. For the header's switcher.
 */
export async function listMyWorkspaces(options: { actor: Actor | null }): Promise<MyWorkspace[]> {
  const actor = requireActor(options.actor);
  if (actor.tokenId) return [];
  const rows = await db.$queryRaw<Omit<MyWorkspace, "current">[]>`
    SELECT w.id, w.name, m.role::text AS role
    FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."userId" = ${actor.userId} AND m."deactivatedAt" IS NULL
    ORDER BY w.name, w.id`;
  return rows.map((row) => ({ ...row, current: row.id === actor.workspaceId }));
}

/**
 * Makes `workspaceId` the workspace the actor acts in from the next request on, remembered in the
 * database (Membership.chosenAt, read by loadActor), so it holds on every device and instance.
 * 404 unless the actor is an active member there: one cannot switch into someone else's desk,
 * nor learn that it exists. The database clock orders the choices, whatever instance wrote them.
 */
export async function switchWorkspace(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ id: string; name: string; role: Role }> {
  const actor = requireMember(options.actor);
  const { workspaceId } = parseInput(switchWorkspaceSchema, options.input);
  const [chosen] = await db.$queryRaw<{ id: string; name: string; role: Role }[]>`
    UPDATE "Membership" m SET "chosenAt" = clock_timestamp()
    FROM "Workspace" w
    WHERE w.id = m."workspaceId" AND m."userId" = ${actor.userId} AND m."workspaceId" = ${workspaceId} AND m."deactivatedAt" IS NULL
    RETURNING w.id, w.name, m.role::text AS role`;
  if (!chosen) throw notFound("Workspace");
  return chosen;
}
