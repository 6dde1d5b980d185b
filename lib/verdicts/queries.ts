import { db } from "../db/client";
import { requireActor, type Actor } from "../auth/actor";
import type { VerdictView } from "../annotations/view";

export type VerdictChoice = VerdictView & { description: string | null };

/** The options the picker offers: the workspace scale's unretired options, in order. */
export async function listVerdictChoices(options: { actor: Actor | null }): Promise<VerdictChoice[]> {
  const actor = requireActor(options.actor);
  return db.verdictOption.findMany({
    where: { retiredAt: null, scale: { workspaceId: actor.workspaceId } },
    orderBy: { position: "asc" },
    select: { key: true, label: true, color: true, rating: true, description: true },
  });
}
