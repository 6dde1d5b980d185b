import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  /** e.g. "membership", "annotation" */
  entityType: string;
  entityId: string;
  /** e.g. "create", "update", "delete", "role.change", "note.create" */
  action: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends an audit event by `actor` in their workspace, inside the caller's transaction, so it commits with the change. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, workspaceId: actor.workspaceId, actorId: actor.userId } });
}

/** Appends many events at once (a bulk import), in one statement inside the caller's transaction. */
export async function recordAudits(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({ ...entry, workspaceId: actor.workspaceId, actorId: actor.userId })),
  });
}
