import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "../errors";
import { verifySignIn } from "./sign-in";

const SESSION_MAX_AGE_S = 12 * 60 * 60; // a working day and then some

/**
 * The client address for throttling: the last X-Forwarded-For hop, which the nearest proxy
 * (or Next's own server) wrote and a client cannot forge. Earlier hops are client-supplied.
 */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  const hops = value?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops[hops.length - 1] ?? "unknown";
}

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
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return { userId: token.userId, sessionVersion: token.sessionVersion, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.userId, sessionVersion: token.sessionVersion };
    },
  },
};
