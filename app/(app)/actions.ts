"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out";

/**
 * Ends every session of the signed-in user, this one included. Without a valid session there
 * is nothing of the caller's left to end, so it changes nothing and goes to sign-in as well.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutEverywhere({ actor });
  redirect("/login");
}
