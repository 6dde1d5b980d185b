-- Search vectors now also hold filter lexemes: an annotation's status, verdict option and author
-- (prisma/routines/50-search.sql, "Filters inside the index"), and its notes and sources hold
-- the same. Existing vectors get them added in place, without re-reading their text (this is
-- factmark_search_tags() spelled out, as routines are applied after migrations). Rows without a
-- vector are filled by the routines' rebuild as before.
-- What made the month migration slow on a million annotations (555 s) was not the new lexeme but
-- everything else an UPDATE of every row does: the statement triggers (agreement pairs, tallies)
-- read the whole transition tables, and every index takes a new entry, the trigram GIN of the
-- claims included. Changing a vector changes none of what those triggers count, so they are off
-- for this one statement, and both GIN indexes are built again afterwards (a bulk build is
-- much cheaper than a million single inserts).
-- No semicolon may stand in these comments: Prisma splits the script at every one.
-- One transaction: a run that dies half-way must not leave the table's triggers switched off.
BEGIN;
ALTER TABLE "Annotation" DISABLE TRIGGER USER;
DROP INDEX IF EXISTS "Annotation_searchVector_idx";
DROP INDEX IF EXISTS "Annotation_claim_trgm_idx";
UPDATE "Annotation" SET "searchVector" = "searchVector"
  || array_to_tsvector(array_remove(ARRAY['§s' || status::text, '§v' || "verdictOptionId", '§r' || "authorId"], NULL))
  WHERE "searchVector" IS NOT NULL;
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");
CREATE INDEX "Annotation_claim_trgm_idx" ON "Annotation" USING GIN ("claim" gin_trgm_ops);
ALTER TABLE "Annotation" ENABLE TRIGGER USER;
UPDATE "Note" n SET "searchVector" = n."searchVector"
  || array_to_tsvector(array_remove(ARRAY['§s' || a.status::text, '§v' || a."verdictOptionId", '§r' || a."authorId"], NULL))
  FROM "Annotation" a WHERE a.id = n."annotationId" AND n."searchVector" IS NOT NULL;
UPDATE "Source" s SET "searchVector" = s."searchVector"
  || array_to_tsvector(array_remove(ARRAY['§s' || a.status::text, '§v' || a."verdictOptionId", '§r' || a."authorId"], NULL))
  FROM "Annotation" a WHERE a.id = s."annotationId" AND s."searchVector" IS NOT NULL;
COMMIT;
