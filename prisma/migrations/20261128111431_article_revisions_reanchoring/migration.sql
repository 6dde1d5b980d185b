-- CreateEnum
CREATE TYPE "Placement" AS ENUM ('ANCHORED', 'NEEDS_CHECK', 'ORPHANED', 'DISMISSED');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "reviewersMayAddArticles" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "placement" "Placement" NOT NULL DEFAULT 'ANCHORED';

-- CreateTable
CREATE TABLE "Reanchoring" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "fromRevisionId" TEXT NOT NULL,
    "toRevisionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "oldStart" INTEGER NOT NULL,
    "oldEnd" INTEGER NOT NULL,
    "oldQuote" TEXT NOT NULL,
    "newStart" INTEGER,
    "newEnd" INTEGER,
    "reason" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reanchoring_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reanchoring_annotationId_createdAt_idx" ON "Reanchoring"("annotationId", "createdAt");

-- CreateIndex
CREATE INDEX "Reanchoring_toRevisionId_idx" ON "Reanchoring"("toRevisionId");

-- CreateIndex
CREATE INDEX "Annotation_articleId_placement_idx" ON "Annotation"("articleId", "placement");

-- AddForeignKey
ALTER TABLE "Reanchoring" ADD CONSTRAINT "Reanchoring_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

