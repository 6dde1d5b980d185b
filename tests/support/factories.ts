// Test data built through the real database. Every call makes fresh, uniquely named rows so
// tests never depend on each other.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { paragraphsToValue } from "@/lib/articles/slate-value";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { textHash } from "@/lib/articles/text-hash";
import { DEFAULT_VERDICT_OPTIONS } from "@/lib/verdicts/default-scale";
import { createAnnotation } from "@/lib/annotations/annotations";
import type { CreateAnnotationInput } from "@/lib/annotations/schemas";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;

export async function createUser(options: { workspaceId: string; role: Role; name?: string; email?: string }) {
  return db.user.create({
    data: {
      name: options.name ?? `${options.role.toLowerCase()} user`,
      email: options.email ?? uniqueEmail(options.role.toLowerCase()),
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      memberships: { create: { workspaceId: options.workspaceId, role: options.role } },
    },
  });
}

/** The actor the app would build for this user's session. */
export async function actorFor(userId: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const actor = await loadActor({ userId, sessionVersion: user.sessionVersion });
  if (!actor) throw new Error("user has no active membership");
  return actor;
}

/** A workspace with the default scale and one member of each role, as actors. */
export async function createWorkspace(name = "Test desk") {
  const workspace = await db.workspace.create({
    data: {
      name,
      slug: `desk-${randomUUID().slice(0, 12)}`,
      verdictScale: {
        create: {
          name: "Default",
          options: { create: DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })) },
        },
      },
    },
    include: { verdictScale: { include: { options: { orderBy: { position: "asc" } } } } },
  });
  const [admin, editor, reviewer] = await Promise.all(
    (["ADMIN", "EDITOR", "REVIEWER"] as const).map(async (role) =>
      actorFor((await createUser({ workspaceId: workspace.id, role })).id),
    ),
  );
  return { workspace, options: workspace.verdictScale!.options, admin, editor, reviewer };
}

export async function createArticle(options: { workspaceId: string; title?: string; paragraphs?: string[] }) {
  const body = paragraphsToValue(options.paragraphs ?? ["First paragraph.", "Second paragraph."]);
  const text = canonicalText(body);
  return db.article.create({
    data: {
      workspaceId: options.workspaceId,
      title: options.title ?? "A test article",
      revisions: { create: { number: 1, body, text, textHash: textHash(text) } },
    },
    include: { revisions: true },
  });
}

type Revision = { id: string; text: string };

/** The anchor of a create input: `quote`'s first occurrence in `revision` at or after `from`. */
export function spanOf(revision: Revision, quote: string, from = 0) {
  const start = revision.text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" is not in the revision's text`);
  return { revisionId: revision.id, start, end: start + quote.length, quote };
}

/** Annotates `quote` (its first occurrence from `from`) in the article's first revision through createAnnotation. */
export function annotate(
  actor: Actor,
  article: { id: string; revisions: Revision[] },
  quote: string,
  fields: Omit<CreateAnnotationInput, "revisionId" | "start" | "end" | "quote">,
  from = 0,
) {
  return createAnnotation({
    actor,
    articleId: article.id,
    input: { ...spanOf(article.revisions[0], quote, from), ...fields },
  });
}
