-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "LiveLogHorizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "purgedTxid" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LiveLogHorizon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEvent_txid_idx" ON "LiveEvent"("txid");

-- CreateIndex
CREATE INDEX "LiveEvent_workspaceId_txid_idx" ON "LiveEvent"("workspaceId", "txid");

