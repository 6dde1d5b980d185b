-- Approval tally (#15): "ApprovalTally" counts the current annotations (live, not superseded by a
-- correction, not dismissed) that were ever approved, per workspace, week of creation and whole
-- hours from creation to approval, so the dashboard's median time to approval finds the hour it
-- lies in by summing a few rows, then reads only that hour's annotations from
-- Annotation_approval_time_idx instead of half of every approved annotation (lib/dashboard/sql.ts).
-- Kept exact the way "DashboardTally" is (40-dashboard-tallies.sql): every statement that writes
-- annotations adds what it inserted and takes away what it deleted, deltas summed per key and
-- applied in key order, a key left at zero deleted.
CREATE OR REPLACE FUNCTION factmark_approval_tally_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
  counted text := '"approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> ''DISMISSED''';
BEGIN
  EXECUTE format($q$
    INSERT INTO "ApprovalTally" AS t ("workspaceId", week, hours, count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), factmark_approval_hours("createdAt", "approvedAt"), sum(sign)
    FROM (%s) c WHERE %s
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("workspaceId", week, hours) DO UPDATE SET count = t.count + excluded.count$q$, changed, counted);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($q$
      DELETE FROM "ApprovalTally" t USING (SELECT DISTINCT "workspaceId", date_trunc('week', "createdAt") AS week,
        factmark_approval_hours("createdAt", "approvedAt") AS hours
        FROM (%s) c WHERE sign < 0 AND %s) k
      WHERE t.count = 0 AND t."workspaceId" = k."workspaceId" AND t.week = k.week AND t.hours = k.hours$q$, changed, counted);
  END IF;
  RETURN NULL;
END
$$;

-- The hour an approval time falls in, by the same expression as Annotation_approval_time_idx, so
-- an hour's rows are one range of that index: [hours * 3600, (hours + 1) * 3600) seconds.
CREATE OR REPLACE FUNCTION factmark_approval_hours(created timestamp, approved timestamp) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT floor(EXTRACT(epoch FROM approved - created)::float8 / 3600)::integer $$;

CREATE OR REPLACE TRIGGER factmark_approval_tally_insert AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_approval_tally_after_write();
CREATE OR REPLACE TRIGGER factmark_approval_tally_update AFTER UPDATE ON "Annotation" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factmark_approval_tally_after_write();
CREATE OR REPLACE TRIGGER factmark_approval_tally_delete AFTER DELETE ON "Annotation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_approval_tally_after_write();

-- A database that had approved annotations before the tally existed gets it once, writers locked out meanwhile.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ApprovalTally") THEN
    LOCK TABLE "Annotation" IN SHARE MODE;
    INSERT INTO "ApprovalTally" ("workspaceId", week, hours, count)
    SELECT "workspaceId", date_trunc('week', "createdAt"), factmark_approval_hours("createdAt", "approvedAt"), count(*)
    FROM "Annotation" WHERE "approvedAt" IS NOT NULL AND "deletedAt" IS NULL AND "supersededAt" IS NULL AND placement <> 'DISMISSED'
    GROUP BY 1, 2, 3;
  END IF;
END
$$;
