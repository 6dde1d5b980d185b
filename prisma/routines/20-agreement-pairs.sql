-- Recomputes the agreement pairs of the given articles (see "AgreementPair" in schema.prisma):
-- two current annotations of different reviewers, past draft, placed on the same revision,
-- overlapping by at least half of the shorter span; a correction and what it corrects are no pair,
-- nor is a correction and other work of the authors it continues (priorAuthorIds): it carries
-- their check, so pairing it with them would set a person's work against itself.
-- Text is cut into 128-character buckets so the self-join hashes: an annotation meets only those
-- starting within its own span. Concurrent refreshes of one article are serialised by an advisory
-- lock per article (a statement touching very many articles, a bulk load, takes one per workspace).
CREATE OR REPLACE FUNCTION factmark_refresh_agreement_pairs(articles text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF articles IS NULL OR cardinality(articles) = 0 THEN
    RETURN;
  END IF;
  IF cardinality(articles) <= 64 THEN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('factmark-pairs', 0));
    PERFORM pg_advisory_xact_lock(hashtextextended(article, 0)) FROM unnest(articles) AS article ORDER BY article;
  ELSE
    PERFORM pg_advisory_xact_lock(hashtextextended('factmark-pairs', 0));
  END IF;
  DELETE FROM "AgreementPair" WHERE "articleId" = ANY (articles);
  INSERT INTO "AgreementPair" ("workspaceId", "articleId", "aId", "bId", "aAuthorId", "bAuthorId", "aVerdictId", "bVerdictId", "aCreatedAt",
    "bCreatedAt", "updatedAt")
  WITH placed AS MATERIALIZED (
    SELECT id, "workspaceId", "articleId", "revisionId", start, "end", "authorId", "verdictOptionId", "createdAt", "updatedAt", "correctsId",
      "priorAuthorIds", start / 128 AS bucket
    FROM "Annotation"
    WHERE "articleId" = ANY (articles) AND factmark_pair_candidate(status, placement, "deletedAt", "supersededAt")
  ), covered AS MATERIALIZED (
    SELECT p.*, n FROM placed p, generate_series(p.start / 128, (p."end" - 1) / 128) AS n
  )
  SELECT a."workspaceId", a."articleId", a.id, b.id, a."authorId", b."authorId", a."verdictOptionId", b."verdictOptionId", a."createdAt",
    b."createdAt", greatest(a."updatedAt", b."updatedAt")
  FROM covered a
  JOIN placed b ON b."articleId" = a."articleId" AND b."revisionId" = a."revisionId" AND b.bucket = a.n
  WHERE b.start >= a.start AND b.start < a."end" AND (b.start > a.start OR b.id > a.id) AND b."authorId" <> a."authorId"
    AND 2 * (least(a."end", b."end") - b.start) >= least(a."end" - a.start, b."end" - b.start)
    AND a.id IS DISTINCT FROM b."correctsId" AND b.id IS DISTINCT FROM a."correctsId"
    AND NOT b."authorId" = ANY (a."priorAuthorIds") AND NOT a."authorId" = ANY (b."priorAuthorIds");
END
$$;

-- Whether an annotation can be in a pair: the rows `placed` reads above. A row that is not, before
-- and after a write, is in no pair either way, so the write leaves the article's pairs as they were.
CREATE OR REPLACE FUNCTION factmark_pair_candidate(status "AnnotationStatus", placement "Placement", "deletedAt" timestamp, "supersededAt" timestamp)
  RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT "deletedAt" IS NULL AND "supersededAt" IS NULL AND status <> 'DRAFT' AND placement IN ('ANCHORED', 'NEEDS_CHECK')
$$;

-- Every statement that writes annotations refreshes the pairs of the articles it touched, in the
-- same transaction, so the cache is exact whichever code path (or bulk SQL) wrote them. Only rows
-- that can pair count: a new draft, or an edit or delete of one, is most single writes (every
-- create), and refreshing its article took about 1 ms and the article's advisory lock (issue #15).
CREATE OR REPLACE FUNCTION factmark_pairs_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM factmark_refresh_agreement_pairs(ARRAY(SELECT DISTINCT "articleId" FROM new_rows
    WHERE factmark_pair_candidate(status, placement, "deletedAt", "supersededAt")));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION factmark_pairs_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM factmark_refresh_agreement_pairs(ARRAY(
    SELECT "articleId" FROM new_rows WHERE factmark_pair_candidate(status, placement, "deletedAt", "supersededAt")
    UNION SELECT "articleId" FROM old_rows WHERE factmark_pair_candidate(status, placement, "deletedAt", "supersededAt")));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION factmark_pairs_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AgreementPair" WHERE "articleId" IN (SELECT "articleId" FROM old_rows) AND ("aId" IN (SELECT id FROM old_rows) OR "bId" IN (SELECT id
    FROM old_rows));
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_pairs_insert AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_pairs_after_insert();
CREATE OR REPLACE TRIGGER factmark_pairs_update AFTER UPDATE ON "Annotation" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factmark_pairs_after_update();
CREATE OR REPLACE TRIGGER factmark_pairs_delete AFTER DELETE ON "Annotation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_pairs_after_delete();

-- A database that had annotations before the pairs existed gets them once.
SELECT factmark_refresh_agreement_pairs(ARRAY(SELECT DISTINCT "articleId" FROM "Annotation"))
WHERE NOT EXISTS (SELECT 1 FROM "AgreementPair") AND EXISTS (SELECT 1 FROM "Annotation" WHERE status <> 'DRAFT');
