"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out";

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere({ actor: await getActor() });
  redirect("/login");
}
