import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "../errors";
import { safeReturnPath } from "../http/return-path";
import { loadActor } from "./actor";
import { verifySignIn } from "./sign-in";

const SESSION_MAX_AGE_S = 12 * 60 * 60; // a working day and then some

/**
 * The client address for throttling. scripts/serve.ts overwrites X-Forwarded-For with the one
 * address it decided on (the socket's, or what a trusted proxy reported), so whatever the
 * client sent in that header never reaches here.
 */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.trim() || "unknown";
}

/** Thrown by the jwt callback for a token that no longer names an active session. */
class SessionRevoked extends Error {}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const claims = await verifySignIn({
            email: credentials?.email,
            password: credentials?.password,
            ip: clientAddress(req?.headers),
          });
          return claims && { id: claims.userId, sessionVersion: claims.sessionVersion };
        } catch (error) {
          // next-auth hands a thrown message to the login form; only our own messages are safe.
          if (error instanceof AppError) throw new Error(error.message);
          console.error("sign-in failed", error);
          throw new Error("Sign-in is unavailable right now; try again shortly.");
        }
      },
    }),
  ],
  callbacks: {
    // Runs at sign-in (with `user`) and whenever the browser asks /api/auth/session. The app's
    // own pages and routes re-read the actor per request (lib/auth/session.ts); this makes
    // next-auth's session endpoint agree with them: a deactivated user or a token from before
    // "sign out everywhere" gets no session, and next-auth clears the cookie.
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion;
      } else if (!(await loadActor({ userId: token.userId, sessionVersion: token.sessionVersion }))) {
        throw new SessionRevoked("the session was revoked");
      }
      return {
        userId: token.userId,
        sessionVersion: token.sessionVersion,
        iat: token.iat,
        exp: token.exp,
        jti: token.jti,
      };
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.userId, sessionVersion: token.sessionVersion };
    },
    // Only ever back into the app, by the same rule as the login page.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return baseUrl + safeReturnPath(path);
    },
  },
  logger: {
    // A revoked session is an expected outcome, not an error worth a stack trace.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
      if (error instanceof SessionRevoked) return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
