-- CreateTable
CREATE TABLE "DashboardTally" (
    "workspaceId" TEXT NOT NULL,
    "week" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT NOT NULL,
    "verdictOptionId" TEXT NOT NULL,
    "status" "AnnotationStatus" NOT NULL,
    "orphaned" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,

    CONSTRAINT "DashboardTally_pkey" PRIMARY KEY ("workspaceId","week","authorId","verdictOptionId","status","orphaned")
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
CREATE INDEX "ArticleTally_workspaceId_idx" ON "ArticleTally"("workspaceId");


-- What the tallies cannot hold, read from these small ordered indexes instead (Prisma cannot
-- express partial or expression indexes, so they live here): pending reviews by the time of
-- their last submission (the age buckets of the last week and the oldest one), and current
-- approved annotations ordered by the time they took to approve, so the median is an OFFSET
-- into an index rather than a sort of every approved annotation.
CREATE INDEX "Annotation_pending_idx" ON "Annotation"("workspaceId", "submittedAt")
  INCLUDE ("createdAt", "authorId", "verdictOptionId", "articleId")
  WHERE "status" = 'SUBMITTED' AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';

CREATE INDEX "Annotation_approval_time_idx" ON "Annotation"("workspaceId", (EXTRACT(epoch FROM "approvedAt" - "createdAt")::float8))
  INCLUDE ("createdAt", "authorId", "verdictOptionId", "articleId")
  WHERE "approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';
