import { z } from "zod";
import { db } from "../db/client";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { announcePublicChange, revalidatePublicPages } from "../publish/revalidate";
import { parseInput } from "../validation";

export type WorkspaceSettings = { reviewersMayAddArticles: boolean; publicPages: boolean; creditReviewers: boolean };

const SELECT = { reviewersMayAddArticles: true, publicPages: true, creditReviewers: true } as const;

const flag = (name: string) => z.boolean({ message: `${name} must be true or false` });

/** Any subset of the settings; those left out keep their value. */
export const settingsSchema = z
  .object({
    reviewersMayAddArticles: flag("reviewersMayAddArticles"),
    /** Published checks get public pages (lib/publish); off, every public route answers 404. */
    publicPages: flag("publicPages"),
    /** Public pages name the check's author; off, the desk is the author. */
    creditReviewers: flag("creditReviewers"),
  })
  .partial()
  .strict();

/** The workspace's settings. Any member (the UI uses them to show or hide actions). */
export async function getWorkspaceSettings(options: { actor: Actor | null }): Promise<WorkspaceSettings> {
  const actor = requireActor(options.actor);
  return db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: SELECT });
}

/** Whether a change of settings changes what the public pages show. */
const changesPublic = (before: WorkspaceSettings, after: WorkspaceSettings) =>
  before.publicPages !== after.publicPages || before.creditReviewers !== after.creditReviewers;

/** Changes the workspace's settings. Admins only; audited. A change to what is public revalidates the public pages. */
export async function updateWorkspaceSettings(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<WorkspaceSettings> {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(settingsSchema, options.input);
  const { before, after } = await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: SELECT });
    const after = await tx.workspace.update({ where: { id: actor.workspaceId }, data: input, select: SELECT });
    await recordAudit(tx, actor, {
      entityType: "workspace",
      entityId: actor.workspaceId,
      action: "settings.update",
      before,
      after,
    });
    if (changesPublic(before, after)) await announcePublicChange(tx, "everything");
    return { before, after };
  });
  if (changesPublic(before, after)) await revalidatePublicPages("everything");
  return after;
}

/** The settings in a sentence, for the form's confirmation. */
export function settingsSummary(settings: WorkspaceSettings): string {
  return [
    settings.reviewersMayAddArticles
      ? "Reviewers may add and revise articles."
      : "Only editors and admins add and revise articles.",
    settings.publicPages
      ? `Published checks have public pages${settings.creditReviewers ? ", crediting reviewers by name" : " under the desk's name"}.`
      : "Nothing is public.",
  ].join(" ");
}
