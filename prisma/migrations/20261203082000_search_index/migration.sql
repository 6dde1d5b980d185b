-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "searchLanguage" TEXT NOT NULL DEFAULT 'simple';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "reusedFromId" TEXT,
ADD COLUMN     "reusedFromReferenceId" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "ReferenceCheck" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "claimant" TEXT,
    "ratingLabel" TEXT,
    "ratingValue" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "publisher" TEXT,
    "datePublished" TIMESTAMP(3),
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "searchVector" tsvector,

    CONSTRAINT "ReferenceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceCheck_workspaceId_createdAt_idx" ON "ReferenceCheck"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceCheck_workspaceId_url_key" ON "ReferenceCheck"("workspaceId", "url");

-- CreateIndex
CREATE INDEX "Annotation_reusedFromId_idx" ON "Annotation"("reusedFromId");

-- CreateIndex
CREATE INDEX "Annotation_reusedFromReferenceId_idx" ON "Annotation"("reusedFromReferenceId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_reusedFromId_fkey" FOREIGN KEY ("reusedFromId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_reusedFromReferenceId_fkey" FOREIGN KEY ("reusedFromReferenceId") REFERENCES "ReferenceCheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCheck" ADD CONSTRAINT "ReferenceCheck_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Search (prisma/routines/50-search.sql keeps the vectors): accents folded by unaccent, partial
-- words and typos by pg_trgm. Both ship with PostgreSQL's contrib (and embedded-postgres).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Not expressible in schema.prisma (tsvector is Unsupported there): the GIN indexes search reads.
CREATE INDEX IF NOT EXISTS "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");
CREATE INDEX IF NOT EXISTS "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
CREATE INDEX IF NOT EXISTS "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");
CREATE INDEX IF NOT EXISTS "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");
CREATE INDEX IF NOT EXISTS "ReferenceCheck_searchVector_idx" ON "ReferenceCheck" USING GIN ("searchVector");
-- Typos and fragments: trigram word similarity on the fields people search by name.
CREATE INDEX IF NOT EXISTS "Annotation_claim_trgm_idx" ON "Annotation" USING GIN ("claim" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);
