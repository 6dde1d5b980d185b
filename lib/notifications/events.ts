import "server-only";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import type { AnnotationStatus } from "../db/generated/enums";
import { findMentions } from "./mentions";
import { notify, type NotificationKind } from "./notify";
import { shorten } from "../format";

type Tx = Prisma.TransactionClient;

const excerpt = (text: string) => shorten(text, 140);

/** Tells each active member a new note mentions (`@Full Name`), in the note's transaction. */
export async function notifyMentions(
  tx: Tx,
  actor: Actor,
  note: { articleId: string; annotationId: string; body: string },
): Promise<void> {
  if (!note.body.includes("@")) return;
  const members = await tx.membership.findMany({
    where: { workspaceId: actor.workspaceId, deactivatedAt: null },
    select: { user: { select: { id: true, name: true } } },
  });
  const mentioned = findMentions(
    note.body,
    members.map((m) => m.user),
  );
  await notify(
    tx,
    actor,
    mentioned.map((m) => ({
      userId: m.id,
      kind: "mention",
      articleId: note.articleId,
      annotationId: note.annotationId,
      text: excerpt(note.body),
    })),
  );
}

const DECISIONS: Partial<Record<AnnotationStatus, NotificationKind>> = {
  CHANGES_REQUESTED: "changes_requested",
  APPROVED: "approved",
  PUBLISHED: "published",
};

/** Tells an annotation's author that it was sent back, approved or published (by someone else). */
export async function notifyDecision(
  tx: Tx,
  actor: Actor,
  annotation: {
    id: string;
    articleId: string;
    authorId: string;
    claim: string;
    status: AnnotationStatus;
    comment: string | null;
  },
): Promise<void> {
  const kind = DECISIONS[annotation.status];
  if (!kind) return;
  await notify(tx, actor, [
    {
      userId: annotation.authorId,
      kind,
      articleId: annotation.articleId,
      annotationId: annotation.id,
      text: excerpt(annotation.comment ?? annotation.claim),
    },
  ]);
}
