import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { loadActor, type Actor, type SessionClaims } from "./actor";
import { loadTokenActor } from "../tokens/tokens";

// next-auth's cookie name: the __Secure- prefix whenever the app is served over https. The token
// holds two claims, far below the size at which next-auth splits it into chunks.
const SESSION_COOKIE = process.env.NEXTAUTH_URL?.startsWith("https://")
  ? "__Secure-next-auth.session-token"
  : "next-auth.session-token";

/**
 * The current request's actor, or null. Cached per request: one query however often it is asked.
 * Reads the session cookie's token directly: next-auth's getServerSession would run the
 * session callbacks (and their database check) and re-encrypt the token on every call, for
 * nothing, since loadActor checks the same things.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await getSessionClaims();
  return claims && loadActor(claims);
});

/**
 * The session token's claims, not yet checked against the database (loadActor does that), or
 * null without a valid token. For a route that reads the actor in its own statement.
 */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  // A forged, tampered or expired token fails to decrypt: no session.
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (typeof token?.userId !== "string" || typeof token.sessionVersion !== "number") return null;
  return { userId: token.userId, sessionVersion: token.sessionVersion };
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
