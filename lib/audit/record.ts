import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  workspaceId: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends an audit event inside the caller's transaction, so it commits with the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}
