-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "priorAuthorIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];


-- Existing corrections: the authors along the chain back to the first annotation corrected.
WITH RECURSIVE chain AS (SELECT id, ARRAY[]::TEXT[] AS prior, "authorId" FROM "Annotation" WHERE "correctsId" IS NULL UNION ALL SELECT c.id, chain.prior || chain."authorId", c."authorId" FROM "Annotation" c JOIN chain ON c."correctsId" = chain.id) UPDATE "Annotation" a SET "priorAuthorIds" = chain.prior FROM chain WHERE a.id = chain.id AND a."correctsId" IS NOT NULL;
