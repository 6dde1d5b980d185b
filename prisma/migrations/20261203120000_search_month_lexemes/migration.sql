-- Search vectors now also hold the month their row was created (prisma/routines/50-search.sql,
-- "Recency inside the index"). Clearing them makes the routines' rebuild, which runs right after
-- the migrations and fills every vector that is null, write them all anew in that form, once.
UPDATE "Annotation" SET "searchVector" = NULL WHERE "searchVector" IS NOT NULL;
UPDATE "Article" SET "searchVector" = NULL WHERE "searchVector" IS NOT NULL;
UPDATE "Note" SET "searchVector" = NULL WHERE "searchVector" IS NOT NULL;
UPDATE "Source" SET "searchVector" = NULL WHERE "searchVector" IS NOT NULL;
UPDATE "ReferenceCheck" SET "searchVector" = NULL WHERE "searchVector" IS NOT NULL;
