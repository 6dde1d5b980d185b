import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "./actor";

/**
 * The actor for the command-line tools, which run with direct database access and so are trusted
 * like an administrator at the console: no session is checked (hence "unsafe"). They act as a
 * named active member of the workspace, by default its longest-standing admin, so that what they
 * write is attributed and audited like any other change.
 */
export async function unsafeCommandLineActor(options: {
  workspaceSlug?: string;
  articleId?: string;
  email?: string;
}): Promise<Actor> {
  const workspace = options.workspaceSlug
    ? await db.workspace.findUnique({ where: { slug: options.workspaceSlug }, select: { id: true, name: true } })
    : await db.workspace.findFirst({
        where: { articles: { some: { id: options.articleId } } },
        select: { id: true, name: true },
      });
  if (!workspace)
    throw new AppError(
      "NOT_FOUND",
      options.workspaceSlug
        ? `No workspace has the slug "${options.workspaceSlug}"`
        : `No article has the id "${options.articleId}"`,
    );
  const membership = await db.membership.findFirst({
    where: {
      workspaceId: workspace.id,
      deactivatedAt: null,
      ...(options.email ? { user: { email: options.email.toLowerCase() } } : { role: "ADMIN" }),
    },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership)
    throw new AppError(
      "NOT_FOUND",
      options.email
        ? `${options.email} is not an active member of ${workspace.name}`
        : `${workspace.name} has no active admin`,
    );
  return {
    userId: membership.user.id,
    name: membership.user.name,
    email: membership.user.email,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    role: membership.role,
  };
}
