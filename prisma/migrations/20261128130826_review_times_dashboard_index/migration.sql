-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "submittedAt" TIMESTAMP(3);


-- Backfill from the review history.
UPDATE "Annotation" a SET "submittedAt" = r.submitted, "approvedAt" = r.approved
FROM (
  SELECT "annotationId",
         max("createdAt") FILTER (WHERE "toStatus" = 'SUBMITTED') AS submitted,
         min("createdAt") FILTER (WHERE "toStatus" = 'APPROVED') AS approved
  FROM "Review" GROUP BY "annotationId"
) r
WHERE r."annotationId" = a.id;

-- The dashboards' aggregates read only this index (index-only scans): the current annotations of a
-- workspace by creation time, with every column they group or filter by. Prisma cannot express
-- INCLUDE or a partial index, so it lives here.
CREATE INDEX "Annotation_dashboard_idx" ON "Annotation"("workspaceId", "createdAt")
  INCLUDE ("verdictOptionId", "authorId", "articleId", "status", "placement", "submittedAt", "approvedAt")
  WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL;

