import { z } from "zod";
import { db } from "../db/client";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";

export type WorkspaceSettings = { reviewersMayAddArticles: boolean };

export const settingsSchema = z.object({ reviewersMayAddArticles: z.boolean({ message: "reviewersMayAddArticles must be true or false" }) }).strict();

/** The workspace's settings. Any member (the UI uses them to show or hide actions). */
export async function getWorkspaceSettings(options: { actor: Actor | null }): Promise<WorkspaceSettings> {
  const actor = requireActor(options.actor);
  return db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { reviewersMayAddArticles: true } });
}

/** Changes the workspace's settings. Admins only; audited. */
export async function updateWorkspaceSettings(options: { actor: Actor | null; input: unknown }): Promise<WorkspaceSettings> {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(settingsSchema, options.input);
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { reviewersMayAddArticles: true } });
    const after = await tx.workspace.update({ where: { id: actor.workspaceId }, data: input, select: { reviewersMayAddArticles: true } });
    await recordAudit(tx, actor, { entityType: "workspace", entityId: actor.workspaceId, action: "settings.update", before, after });
    return after;
  });
}
