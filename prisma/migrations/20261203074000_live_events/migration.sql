-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT,
    "annotationId" TEXT,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "data" JSONB,
    "txid" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveStream" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "articleId" TEXT,
    "editingAnnotationId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveStream_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEvent_workspaceId_id_idx" ON "LiveEvent"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- CreateIndex
CREATE INDEX "LiveStream_userId_seenAt_idx" ON "LiveStream"("userId", "seenAt");

-- CreateIndex
CREATE INDEX "LiveStream_articleId_seenAt_idx" ON "LiveStream"("articleId", "seenAt");

-- CreateIndex
CREATE INDEX "LiveStream_instanceId_idx" ON "LiveStream"("instanceId");

