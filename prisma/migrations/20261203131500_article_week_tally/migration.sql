-- CreateTable
CREATE TABLE "ArticleWeekTally" (
    "workspaceId" TEXT NOT NULL,
    "week" TIMESTAMP(3) NOT NULL,
    "articleId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ArticleWeekTally_pkey" PRIMARY KEY ("workspaceId","week","articleId")
);

-- The top articles of a date range find their 20 articles from the tallies, then count those
-- articles' verdicts inside the range from their rows: index-only from here, not from the whole
-- workspace's range (Prisma cannot express partial or covering indexes, so it lives here).
CREATE INDEX "Annotation_article_dashboard_idx" ON "Annotation"("articleId", "createdAt")
  INCLUDE ("verdictOptionId", "workspaceId")
  WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED';

-- Pending annotations submitted before they were created (an import's dates, an operator's SQL):
-- normally none. The oldest pending one of a date range is found by walking
-- Annotation_pending_idx from the range's start, which these alone could precede, so they are
-- read from here rather than by walking every earlier submission.
CREATE INDEX "Annotation_pending_early_idx" ON "Annotation"("workspaceId", "submittedAt")
  INCLUDE ("createdAt", "authorId", "verdictOptionId", "articleId")
  WHERE "status" = 'SUBMITTED' AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND "placement" <> 'DISMISSED'
    AND "submittedAt" < "createdAt";
