-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "correctionNote" TEXT,
ADD COLUMN     "correctsId" TEXT,
ADD COLUMN     "supersededAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SecondOpinion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "firstReviewerId" TEXT NOT NULL,
    "secondReviewerId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "revealedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecondOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SecondOpinion_articleId_revealedAt_idx" ON "SecondOpinion"("articleId", "revealedAt");

-- CreateIndex
CREATE INDEX "SecondOpinion_workspaceId_createdAt_idx" ON "SecondOpinion"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "SecondOpinion_firstReviewerId_idx" ON "SecondOpinion"("firstReviewerId");

-- CreateIndex
CREATE INDEX "SecondOpinion_secondReviewerId_idx" ON "SecondOpinion"("secondReviewerId");

-- CreateIndex
CREATE INDEX "SecondOpinion_requestedById_idx" ON "SecondOpinion"("requestedById");

-- CreateIndex
CREATE INDEX "Annotation_correctsId_idx" ON "Annotation"("correctsId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Annotation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondOpinion" ADD CONSTRAINT "SecondOpinion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondOpinion" ADD CONSTRAINT "SecondOpinion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondOpinion" ADD CONSTRAINT "SecondOpinion_firstReviewerId_fkey" FOREIGN KEY ("firstReviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondOpinion" ADD CONSTRAINT "SecondOpinion_secondReviewerId_fkey" FOREIGN KEY ("secondReviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondOpinion" ADD CONSTRAINT "SecondOpinion_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One open correction per published annotation (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "Annotation_one_live_correction" ON "Annotation"("correctsId") WHERE "deletedAt" IS NULL AND "correctsId" IS NOT NULL;

-- At most one blind second opinion still hiding verdicts per article.
CREATE UNIQUE INDEX "SecondOpinion_one_blind_per_article" ON "SecondOpinion"("articleId") WHERE "revealedAt" IS NULL;
