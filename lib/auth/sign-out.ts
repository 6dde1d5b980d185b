import { db } from "../db/client";
import { requireMember, type Actor } from "./actor";

/** Invalidates every session token the actor holds, on every device, by bumping its version. */
export async function signOutEverywhere(options: { actor: Actor | null }): Promise<void> {
  const actor = requireMember(options.actor);
  await db.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
