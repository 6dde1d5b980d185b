-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "creditReviewers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publicPages" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "retractionNote" TEXT;

-- CreateIndex
CREATE INDEX "Annotation_status_publishedAt_idx" ON "Annotation"("status", "publishedAt");


-- Checks published before this migration: their publication is their last move to PUBLISHED.
UPDATE "Annotation" a SET "publishedAt" = r.at
FROM (SELECT "annotationId", max("createdAt") AS at FROM "Review" WHERE "toStatus" = 'PUBLISHED' GROUP BY "annotationId") r
WHERE r."annotationId" = a.id AND a.status = 'PUBLISHED';
