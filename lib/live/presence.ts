import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { requireMember, type Actor } from "../auth/actor";
import { findAnnotation } from "../annotations/annotations";
import { idSchema, parseInput } from "../validation";
import { setEditing } from "./streams";

export const editingInputSchema = z.strictObject({
  /** The id the stream announced in its `ready` event. */
  streamId: idSchema,
  /** The annotation whose form is open in that tab, or null when none is. */
  editing: idSchema.nullable(),
});

/**
 * Says which annotation the actor has open for editing in one of their tabs ("X is editing" for
 * the others on the article). Advisory, not a lock. 404 for a stream that is not the actor's or an
 * annotation they may not see; a token gets 403 (it cannot edit).
 */
export async function reportEditing(options: { actor: Actor | null; input: unknown }): Promise<{ ok: true }> {
  const actor = requireMember(options.actor);
  const input = parseInput(editingInputSchema, options.input);
  if (input.editing) await findAnnotation(db, actor, input.editing);
  await setEditing({ streamId: input.streamId, userId: actor.userId, annotationId: input.editing });
  return { ok: true };
}
