import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { loadActor, type Actor } from "./actor";
import { loadTokenActor } from "../tokens/tokens";

/** The current request's actor, or null. Cached per request: one query however often it is asked. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId || typeof session.sessionVersion !== "number") return null;
  return loadActor({ userId: session.userId, sessionVersion: session.sessionVersion });
});

/** For pages: the actor, or a redirect to the login page that comes back to `returnTo`. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/**
 * For read-only routes that partners call: a bearer API token when the request carries one
 * (401 when it is not valid), otherwise the signed-in session. Write routes use getActor, so a
 * token never reaches them.
 */
export async function getReadActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) return loadTokenActor(authorization);
  return getActor();
}
