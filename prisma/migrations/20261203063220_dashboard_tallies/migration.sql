-- CreateTable
CREATE TABLE "DashboardTally" (
    "workspaceId" TEXT NOT NULL,
    "week" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT NOT NULL,
    "verdictOptionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "draft" INTEGER NOT NULL,
    "submitted" INTEGER NOT NULL,
    "changesRequested" INTEGER NOT NULL,
    "approvedStatus" INTEGER NOT NULL,
    "published" INTEGER NOT NULL,
    "orphaned" INTEGER NOT NULL,
    "everApproved" INTEGER NOT NULL,

    CONSTRAINT "DashboardTally_pkey" PRIMARY KEY ("workspaceId","week","authorId","verdictOptionId")
);

-- CreateTable
CREATE TABLE "PairTally" (
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "aVerdictId" TEXT NOT NULL,
    "bVerdictId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "PairTally_pkey" PRIMARY KEY ("articleId","aVerdictId","bVerdictId")
);

-- CreateTable
CREATE TABLE "ArticleTally" (
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "verdictOptionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ArticleTally_pkey" PRIMARY KEY ("articleId","verdictOptionId")
);

-- CreateIndex
CREATE INDEX "PairTally_workspaceId_idx" ON "PairTally"("workspaceId");

-- CreateIndex
CREATE INDEX "ArticleTally_workspaceId_idx" ON "ArticleTally"("workspaceId");

-- CreateIndex
CREATE INDEX "AgreementPair_workspaceId_updatedAt_idx" ON "AgreementPair"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "AgreementPair_workspaceId_aCreatedAt_idx" ON "AgreementPair"("workspaceId", "aCreatedAt");

-- CreateIndex
CREATE INDEX "AgreementPair_workspaceId_bCreatedAt_idx" ON "AgreementPair"("workspaceId", "bCreatedAt");



-- What the tallies cannot hold, read from these small ordered indexes instead (Prisma cannot
-- express partial or expression indexes, so they live here): pending reviews by the time of
-- their last submission (the age buckets of the last week and the oldest one), and current
-- approved annotations ordered by the time they took to approve, so the median is an OFFSET
-- into an index rather than a sort of every approved annotation (both columns of the expression
-- are included, or PostgreSQL reads the table for every entry instead of the index alone).
CREATE INDEX "Annotation_pending_idx" ON "Annotation"("workspaceId", "submittedAt")
  INCLUDE ("createdAt", "authorId", "verdictOptionId", "articleId")
  WHERE "status" = 'SUBMITTED' AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';

CREATE INDEX "Annotation_approval_time_idx" ON "Annotation"("workspaceId", (EXTRACT(epoch FROM "approvedAt" - "createdAt")::float8))
  INCLUDE ("createdAt", "approvedAt", "authorId", "verdictOptionId", "articleId")
  WHERE "approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';

-- A reviewer's view reads that reviewer's rows for what the tallies cannot say (top articles in
-- a date range, the median), index-only from here rather than from the whole workspace's index.
CREATE INDEX "Annotation_author_dashboard_idx" ON "Annotation"("workspaceId", "authorId", "createdAt")
  INCLUDE ("articleId", "verdictOptionId", "status", "placement", "approvedAt")
  WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';
