import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import { requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput, safeString } from "../validation";

/**
 * Workspace API tokens: read-only keys for partners and scripts. A token is `fmk_` and 43
 * base64url characters (256 random bits); only its SHA-256 is stored, so a database leak reveals
 * no usable token. Admins create, list and revoke them.
 */
const TOKEN_PATTERN = /^fmk_[A-Za-z0-9_-]{43}$/;

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const createTokenSchema = z.object({
  name: safeString("Name", "Enter a name")
    .trim()
    .min(1, "Enter a name")
    .max(100, "Name is too long (100 characters at most)"),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

const toView = ({
  createdBy,
  ...row
}: { createdBy: { name: string } | null } & Omit<ApiTokenView, "createdBy">): ApiTokenView => ({
  ...row,
  createdBy: createdBy?.name ?? null,
});

/** The workspace's tokens, newest first, revoked ones included. Admins only. */
export async function listApiTokens(options: { actor: Actor | null }): Promise<ApiTokenView[]> {
  const actor = requireRole(options.actor, "ADMIN");
  const rows = await db.apiToken.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    select: tokenSelect,
  });
  return rows.map(toView);
}

/** Creates a token and answers it in full, the only time it is ever shown. Admins only. */
export async function createApiToken(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ token: string; view: ApiTokenView }> {
  const actor = requireRole(options.actor, "ADMIN");
  const input = parseInput(createTokenSchema, options.input);
  const token = `fmk_${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: actor.workspaceId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        createdById: actor.userId,
      },
      select: tokenSelect,
    });
    await recordAudit(tx, actor, {
      entityType: "apiToken",
      entityId: row.id,
      action: "create",
      after: { name: row.name, prefix: row.prefix },
    });
    return { token, view: toView(row) };
  });
}

/** Revokes a token of the admin's workspace at once; revoking twice is harmless. 404 elsewhere. */
export async function revokeApiToken(options: { actor: Actor | null; tokenId: unknown }): Promise<ApiTokenView> {
  const actor = requireRole(options.actor, "ADMIN");
  const id = parseInput(idSchema, options.tokenId);
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findFirst({
      where: { id, workspaceId: actor.workspaceId },
      select: tokenSelect,
    });
    if (!existing) throw notFound("Token");
    if (existing.revokedAt) return toView(existing);
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: tokenSelect });
    await recordAudit(tx, actor, {
      entityType: "apiToken",
      entityId: id,
      action: "revoke",
      before: { name: row.name, prefix: row.prefix },
    });
    return toView(row);
  });
}

/**
 * The actor for an `Authorization: Bearer <token>` header: the token's workspace with the lowest
 * role, marked read-only. A malformed, unknown or revoked token is 401 with one message, so a
 * caller learns nothing about which tokens exist.
 */
export async function loadTokenActor(authorization: string): Promise<Actor> {
  const refused = new AppError("UNAUTHENTICATED", "The API token is not valid (malformed, unknown or revoked)");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match || !TOKEN_PATTERN.test(match[1])) throw refused;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      createdById: true,
      workspace: { select: { id: true, name: true } },
    },
  });
  if (!token || token.revokedAt) throw refused;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return {
    userId: token.createdById ?? "",
    name: `API token “${token.name}”`,
    email: "",
    workspaceId: token.workspace.id,
    workspaceName: token.workspace.name,
    role: "REVIEWER",
    tokenId: token.id,
  };
}
