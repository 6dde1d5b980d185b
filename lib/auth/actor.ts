import { Prisma } from "../db/generated/client";
import { fastRows } from "../db/fast-rows";
import { AppError } from "../errors";
import { hasRole, type Role } from "./roles";

/**
 * The signed-in user acting in one workspace, read from the database on every request so a
 * demotion, deactivation or "sign out everywhere" takes effect at once.
 */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /**
   * Set when a workspace API token, not a person, is acting: read-only, with the lowest role
   * (see lib/tokens). `userId` is then the admin who created the token, for attribution only.
   */
  tokenId?: string;
};

/**
 * The actor for a session token's claims, or null when the user is gone, the token predates a
 * "sign out everywhere", or no active membership is left. A user in several workspaces acts in
 * the one they last switched to (lib/workspaces/switch.ts), else the one they joined first; when
 * the chosen membership is deactivated, the next active one takes over.
 */
export async function loadActor(claims: SessionClaims): Promise<Actor | null> {
  // One statement, not Prisma's query per included relation, straight on pg: this runs on every request (issue #15).
  const [row] = await fastRows<Omit<Actor, "tokenId">>(actorSql(claims));
  return row ?? null;
}

/** What a session token says: who, and which "sign out everywhere" it predates or not. */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * loadActor's statement, one row or none, for a statement that reads the actor in the same round
 * trip as its data (a CTE; lib/annotations/list-query.ts).
 */
export function actorSql(claims: SessionClaims): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id AS "userId", u.name, u.email, m."workspaceId", w.name AS "workspaceName", m.role::text AS role
    FROM "User" u
    JOIN LATERAL (
      SELECT "workspaceId", role FROM "Membership" WHERE "userId" = u.id AND "deactivatedAt" IS NULL ORDER BY "chosenAt" DESC NULLS LAST, "createdAt" LIMIT 1
    ) m ON true
    JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE u.id = ${claims.userId} AND u."sessionVersion" = ${claims.sessionVersion}`;
}

/** Throws 401 when there is no signed-in actor. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return actor;
}

/** For writes: a signed-in person (401 otherwise); an API token gets 403, tokens only read. */
export function requireMember(actor: Actor | null): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.tokenId) throw new AppError("FORBIDDEN", "API tokens are read-only; sign in to make changes");
  return signedIn;
}

/** Throws 401 without an actor and 403 when the actor's role is below `atLeast` or is a token. */
export function requireRole(actor: Actor | null, atLeast: Role): Actor {
  const signedIn = requireMember(actor);
  if (!hasRole(signedIn.role, atLeast)) {
    throw new AppError(
      "FORBIDDEN",
      `This needs the ${atLeast.toLowerCase()} role; you are a ${signedIn.role.toLowerCase()}`,
    );
  }
  return signedIn;
}
