"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import {
  addScaleOption,
  deleteScaleOption,
  moveScaleOption,
  setScaleOptionRetired,
  updateScaleOption,
} from "@/lib/verdicts/scale";
import { reorderScaleOptions } from "@/lib/verdicts/reorder";

const SCALE = "/admin/scale";

export async function addOptionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const option = await addScaleOption({ actor: await getActor(), input: Object.fromEntries(form) });
    revalidatePath(SCALE);
    return `Added “${option.label}”.`;
  });
}

export async function updateOptionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const { optionId, ...input } = Object.fromEntries(form);
    const option = await updateScaleOption({ actor: await getActor(), optionId, input });
    revalidatePath(SCALE);
    return `Saved “${option.label}”.`;
  });
}

/** Move up/down, retire, restore or delete, named by the button pressed. */
export async function optionCommandAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const actor = await getActor();
    const optionId = form.get("optionId");
    const command = form.get("command");
    if (command === "up" || command === "down") await moveScaleOption({ actor, optionId, direction: command });
    else if (command === "retire" || command === "restore")
      await setScaleOptionRetired({ actor, optionId, retired: command === "retire" });
    else if (command === "delete") await deleteScaleOption({ actor, optionId });
    revalidatePath(SCALE);
    return command === "delete" ? "Deleted." : "Saved.";
  });
}

/** A reorder's outcome, with the scale's new version: the page's next reorder names it. */
export type ReorderResult = (ActionResult & { ok: true; version: number }) | (ActionResult & { ok: false });

/** The whole order at once, as dragged or moved with the arrow keys; `version` is the scale's as the page showed it. */
export async function reorderOptionsAction(input: { order: unknown; version: unknown }): Promise<ReorderResult> {
  let version = 0;
  const result = await toActionResult(async () => {
    ({ version } = await reorderScaleOptions({ actor: await getActor(), input }));
    revalidatePath(SCALE);
    return "Order saved.";
  });
  return result.ok ? { ...result, version } : result;
}
