-- Search vectors now also hold the month their row was created (prisma/routines/50-search.sql,
-- "Recency inside the index"). Existing vectors get that lexeme added in place, without
-- re-reading their text (it is factmark_search_month() spelled out, as routines are applied
-- after migrations). Rows without a vector are filled by the routines' rebuild as before.
-- No semicolon may stand in these comments: Prisma splits the script at every one.
UPDATE "Annotation" SET "searchVector" = "searchVector" || array_to_tsvector(ARRAY['§' || (extract(year FROM "createdAt") * 100 + extract(month FROM "createdAt"))::int]) WHERE "searchVector" IS NOT NULL;
UPDATE "Article" SET "searchVector" = "searchVector" || array_to_tsvector(ARRAY['§' || (extract(year FROM "createdAt") * 100 + extract(month FROM "createdAt"))::int]) WHERE "searchVector" IS NOT NULL;
UPDATE "Note" SET "searchVector" = "searchVector" || array_to_tsvector(ARRAY['§' || (extract(year FROM "createdAt") * 100 + extract(month FROM "createdAt"))::int]) WHERE "searchVector" IS NOT NULL;
UPDATE "Source" SET "searchVector" = "searchVector" || array_to_tsvector(ARRAY['§' || (extract(year FROM "createdAt") * 100 + extract(month FROM "createdAt"))::int]) WHERE "searchVector" IS NOT NULL;
UPDATE "ReferenceCheck" SET "searchVector" = "searchVector" || array_to_tsvector(ARRAY['§' || (extract(year FROM "createdAt") * 100 + extract(month FROM "createdAt"))::int]) WHERE "searchVector" IS NOT NULL;
