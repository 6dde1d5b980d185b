-- Dashboard tallies (#15): "DashboardTally", "ArticleTally", "ArticleWeekTally" and "ApprovalTally"
-- (schema.prisma) count the current annotations (live, not superseded by a correction, not
-- dismissed) by what the dashboard groups and filters on: per week of creation, author and verdict,
-- with a counter per status, orphaned and ever approved (columns rather than keys: no dashboard
-- filters on them, and it keeps the tally to one row per week, author and verdict); per article
-- and verdict; per week and article (the top articles of a date range); and, for the approved
-- ones, per week and whole hours from creation to approval (the median time to approval). Every
-- statement that writes annotations adds what it inserted and takes away what it deleted (an
-- update does both: the old row out, the new row in), in the writing transaction, so the tallies
-- are exact whichever code path (or bulk SQL) wrote the rows. Deltas are summed per key before
-- they touch a tally row and applied in key order, so a statement locks each row once and two
-- writers take their locks in the same order. One function and one trigger per event keep all
-- four (a trigger set per tally would read the transition tables once per set): the changed rows
-- are named in dynamic SQL, which sees the trigger's transition tables as static SQL does.

-- The hour an approval time falls in, by the same expression as Annotation_approval_time_idx, so
-- an hour's rows are one range of that index: [hours * 3600, (hours + 1) * 3600) seconds.
CREATE OR REPLACE FUNCTION factmark_approval_hours(created timestamp, approved timestamp) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT floor(EXTRACT(epoch FROM approved - created)::float8 / 3600)::integer $$;

CREATE OR REPLACE FUNCTION factmark_tallies_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
  current text := '"deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> ''DISMISSED''';
BEGIN
  -- An update that changed nothing a tally counts or keys on (a claim, a rationale, the sources
  -- of a check) moves no tally: one look at the transition tables instead of eight statements
  -- planned afresh (issue #15: edits are hot writes). Nested IF: the inner statement names
  -- old_rows, which only an update's trigger has, and is planned only when it first runs.
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT 1 FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
      WHERE (n."workspaceId", n."articleId", n."createdAt", n."authorId", n."verdictOptionId", n.status, n.placement, n."approvedAt", n."deletedAt",
          n."supersededAt")
        IS DISTINCT FROM (o."workspaceId", o."articleId", o."createdAt", o."authorId", o."verdictOptionId", o.status, o.placement, o."approvedAt",
          o."deletedAt", o."supersededAt")
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE format($q$
    INSERT INTO "DashboardTally" AS t ("workspaceId", week, "authorId", "verdictOptionId", count, draft, submitted, "changesRequested",
      "approvedStatus", published, orphaned, "everApproved")
    SELECT * FROM (
      SELECT "workspaceId", date_trunc('week', "createdAt") AS week, "authorId", "verdictOptionId", sum(sign) AS n,
             sum(sign * (status = 'DRAFT')::int) AS d, sum(sign * (status = 'SUBMITTED')::int) AS s, sum(sign * (status = 'CHANGES_REQUESTED')::int) AS c,
             sum(sign * (status = 'APPROVED')::int) AS a, sum(sign * (status = 'PUBLISHED')::int) AS p, sum(sign * (placement = 'ORPHANED')::int) AS o,
             sum(sign * ("approvedAt" IS NOT NULL)::int) AS e
      FROM (%s) c WHERE %s
      GROUP BY 1, 2, 3, 4
    ) delta
    -- An update that moved no counter (a claim edited) touches no tally row.
    WHERE (n, d, s, c, a, p, o, e) <> (0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("workspaceId", week, "authorId", "verdictOptionId") DO UPDATE SET
      count = t.count + excluded.count, draft = t.draft + excluded.draft, submitted = t.submitted + excluded.submitted,
      "changesRequested" = t."changesRequested" + excluded."changesRequested", "approvedStatus" = t."approvedStatus" + excluded."approvedStatus",
      published = t.published + excluded.published, orphaned = t.orphaned + excluded.orphaned,
        "everApproved" = t."everApproved" + excluded."everApproved"$q$, changed, current);
  EXECUTE format($q$
    INSERT INTO "ArticleTally" AS t ("workspaceId", "articleId", "verdictOptionId", count)
    SELECT "workspaceId", "articleId", "verdictOptionId", sum(sign) FROM (%s) c WHERE %s
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 2, 3
    ON CONFLICT ("articleId", "verdictOptionId") DO UPDATE SET count = t.count + excluded.count$q$, changed, current);
  EXECUTE format($q$
    INSERT INTO "ArticleWeekTally" AS t ("workspaceId", week, "articleId", count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), "articleId", sum(sign) FROM (%s) c WHERE %s
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("workspaceId", week, "articleId") DO UPDATE SET count = t.count + excluded.count$q$, changed, current);
  EXECUTE format($q$
    INSERT INTO "ApprovalTally" AS t ("workspaceId", week, hours, count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), factmark_approval_hours("createdAt", "approvedAt"), sum(sign)
    FROM (%s) c WHERE "approvedAt" IS NOT NULL AND %s
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("workspaceId", week, hours) DO UPDATE SET count = t.count + excluded.count$q$, changed, current);
  -- A key whose annotations all went away leaves no row behind (the dashboards never show a zero).
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($q$
      DELETE FROM "DashboardTally" t USING (SELECT DISTINCT "workspaceId", date_trunc('week', "createdAt") AS week, "authorId", "verdictOptionId"
        FROM (%s) c WHERE sign < 0) k
      WHERE t.count = 0 AND t."workspaceId" = k."workspaceId" AND t.week = k.week AND t."authorId" = k."authorId"
        AND t."verdictOptionId" = k."verdictOptionId"$q$, changed);
    EXECUTE format($q$
      DELETE FROM "ArticleTally" t USING (SELECT DISTINCT "articleId", "verdictOptionId" FROM (%s) c WHERE sign < 0) k
      WHERE t.count = 0 AND t."articleId" = k."articleId" AND t."verdictOptionId" = k."verdictOptionId"$q$, changed);
    EXECUTE format($q$
      DELETE FROM "ArticleWeekTally" t USING (SELECT DISTINCT "workspaceId", date_trunc('week', "createdAt") AS week, "articleId"
        FROM (%s) c WHERE sign < 0) k
      WHERE t.count = 0 AND t."workspaceId" = k."workspaceId" AND t.week = k.week AND t."articleId" = k."articleId"$q$, changed);
    EXECUTE format($q$
      DELETE FROM "ApprovalTally" t USING (SELECT DISTINCT "workspaceId", date_trunc('week', "createdAt") AS week,
        factmark_approval_hours("createdAt", "approvedAt") AS hours FROM (%s) c WHERE sign < 0 AND "approvedAt" IS NOT NULL) k
      WHERE t.count = 0 AND t."workspaceId" = k."workspaceId" AND t.week = k.week AND t.hours = k.hours$q$, changed);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_tallies_insert AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_tallies_after_write();
CREATE OR REPLACE TRIGGER factmark_tallies_update AFTER UPDATE ON "Annotation" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factmark_tallies_after_write();
CREATE OR REPLACE TRIGGER factmark_tallies_delete AFTER DELETE ON "Annotation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_tallies_after_write();

-- The approval tally had a trigger set of its own (the former 70-approval-tally.sql): one is enough.
DROP TRIGGER IF EXISTS factmark_approval_tally_insert ON "Annotation";
DROP TRIGGER IF EXISTS factmark_approval_tally_update ON "Annotation";
DROP TRIGGER IF EXISTS factmark_approval_tally_delete ON "Annotation";
DROP FUNCTION IF EXISTS factmark_approval_tally_after_write();

-- A database that had annotations before the tallies existed gets them once, in one statement
-- that locks out writers meanwhile (they would otherwise be counted twice or not at all).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "DashboardTally") AND NOT EXISTS (SELECT 1 FROM "ArticleTally") THEN
    LOCK TABLE "Annotation" IN SHARE MODE;
    INSERT INTO "DashboardTally" ("workspaceId", week, "authorId", "verdictOptionId", count, draft, submitted, "changesRequested", "approvedStatus",
      published, orphaned, "everApproved")
    SELECT "workspaceId", date_trunc('week', "createdAt"), "authorId", "verdictOptionId", count(*),
           count(*) FILTER (WHERE status = 'DRAFT'), count(*) FILTER (WHERE status = 'SUBMITTED'), count(*) FILTER (WHERE status = 'CHANGES_REQUESTED'),
           count(*) FILTER (WHERE status = 'APPROVED'), count(*) FILTER (WHERE status = 'PUBLISHED'), count(*) FILTER (WHERE placement = 'ORPHANED'),
             count("approvedAt")
    FROM "Annotation" WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED' GROUP BY 1, 2, 3, 4;
    INSERT INTO "ArticleTally" ("workspaceId", "articleId", "verdictOptionId", count)
    SELECT "workspaceId", "articleId", "verdictOptionId", count(*)
    FROM "Annotation" WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED' GROUP BY 1, 2, 3;
  END IF;
  -- Each tally added later is filled on its own, the first time this runs after its migration.
  IF NOT EXISTS (SELECT 1 FROM "ArticleWeekTally") THEN
    LOCK TABLE "Annotation" IN SHARE MODE;
    INSERT INTO "ArticleWeekTally" ("workspaceId", week, "articleId", count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), "articleId", count(*)
    -- In key order, as the trigger writes them: a range of weeks is then a few neighbouring pages.
    FROM "Annotation" WHERE "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "ApprovalTally") THEN
    LOCK TABLE "Annotation" IN SHARE MODE;
    INSERT INTO "ApprovalTally" ("workspaceId", week, hours, count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), factmark_approval_hours("createdAt", "approvedAt"), count(*)
    FROM "Annotation" WHERE "approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED'
    GROUP BY 1, 2, 3;
  END IF;
END
$$;

-- Agreement pairs per article and pair of verdicts ("PairTally"): the pair cache is rewritten per
-- article by its own triggers (20-agreement-pairs.sql), and each of those inserts and deletes is
-- counted here, so percent agreement and alpha sum a few rows per article instead of every pair.
CREATE OR REPLACE FUNCTION factmark_pair_tally_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n' ELSE 'SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO "PairTally" AS t ("workspaceId", "articleId", "aVerdictId", "bVerdictId", count)
    SELECT "workspaceId", "articleId", "aVerdictId", "bVerdictId", sum(sign) FROM (%s) c
    GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT ("articleId", "aVerdictId", "bVerdictId") DO UPDATE SET count = t.count + excluded.count$q$, changed);
  IF TG_OP = 'DELETE' THEN
    EXECUTE format($q$
      DELETE FROM "PairTally" t USING (SELECT DISTINCT "articleId", "aVerdictId", "bVerdictId" FROM (%s) c) k
      WHERE t.count = 0 AND t."articleId" = k."articleId" AND t."aVerdictId" = k."aVerdictId" AND t."bVerdictId" = k."bVerdictId"$q$, changed);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_pair_tally_insert AFTER INSERT ON "AgreementPair" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_pair_tally_after_write();
CREATE OR REPLACE TRIGGER factmark_pair_tally_delete AFTER DELETE ON "AgreementPair" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_pair_tally_after_write();

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "PairTally") THEN
    LOCK TABLE "AgreementPair" IN SHARE MODE;
    INSERT INTO "PairTally" ("workspaceId", "articleId", "aVerdictId", "bVerdictId", count)
    SELECT "workspaceId", "articleId", "aVerdictId", "bVerdictId", count(*) FROM "AgreementPair" GROUP BY 1, 2, 3, 4;
  END IF;
END
$$;
