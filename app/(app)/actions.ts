"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { switchWorkspace } from "@/lib/workspaces/switch";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";

/**
 * Ends every session of the signed-in user, this one included. Without a valid session there
 * is nothing of the caller's left to end, so it changes nothing and goes to sign-in as well.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutEverywhere({ actor });
  redirect("/login");
}

/**
 * Switches the signed-in person to another of their workspaces and opens its articles (the page
 * they were on belongs to the workspace they left). A refusal comes back to the form.
 */
export async function switchWorkspaceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await toActionResult(async () => {
    await switchWorkspace({ actor: await getActor(), input: { workspaceId: form.get("workspaceId") } });
  });
  if (!result.ok) return result;
  // Every layout too: the header (workspace, role, links) belongs to the workspace left behind.
  revalidatePath("/", "layout");
  redirect("/articles");
}
