-- The live desk's event log (#12). Every change the product makes is already audited in its own
-- transaction ("AuditEvent", with the actor), including the one-statement annotation create
-- (lib/annotations/create.ts) and bulk imports; so one statement-level trigger there turns each
-- audited change into a "LiveEvent" row, and it commits (and is announced) exactly when the change
-- does, whatever code path or bulk SQL wrote it. Changes that are not annotation, note or revision
-- work (tokens, people, the verdict scale) give no event.
CREATE OR REPLACE FUNCTION factmark_live_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveEvent" ("workspaceId", "articleId", "annotationId", type, "actorId", data, txid)
  SELECT e."workspaceId",
    CASE WHEN e."entityType" = 'article' THEN e."entityId" ELSE a."articleId" END,
    a.id, t.type, e."actorId",
    CASE
      -- A note event carries the note's version after the change ("noteVersion"), so a page holding
      -- an older one knows its copy is stale; "version" stays the annotation's, as on every event.
      WHEN t.type LIKE 'note.%' THEN jsonb_build_object('noteId', coalesce(e.after->>'noteId', e.before->>'noteId'), 'version', a.version,
        'noteVersion', (e.after->>'version')::int)
      WHEN t.type = 'annotation.status' THEN jsonb_build_object('from', e.before->>'status', 'to', e.after->>'status', 'version', a.version)
      WHEN t.type = 'article.revised' THEN jsonb_build_object('revision', (e.after->>'revision')::int)
      ELSE jsonb_build_object('version', a.version)
    END,
    txid_current()
  FROM new_rows e
  LEFT JOIN "Annotation" a ON e."entityType" = 'annotation' AND a.id = e."entityId"
  CROSS JOIN LATERAL (SELECT CASE
    WHEN e."entityType" = 'article' AND e.action = 'revise' THEN 'article.revised'
    WHEN e."entityType" <> 'annotation' OR a.id IS NULL THEN NULL
    WHEN e.action IN ('create', 'import') THEN 'annotation.created'
    WHEN e.action IN ('update', 'superseded', 'correction.start') THEN 'annotation.updated'
    WHEN e.action IN ('delete', 'retract') THEN 'annotation.deleted'
    WHEN e.action = 'status.change' THEN 'annotation.status'
    WHEN e.action LIKE 'placement.%' THEN 'annotation.placement'
    WHEN e.action = 'note.create' THEN 'note.created'
    WHEN e.action = 'note.update' THEN 'note.updated'
    WHEN e.action = 'note.delete' THEN 'note.deleted'
  END AS type) t
  WHERE t.type IS NOT NULL
  ORDER BY e."createdAt", e.id;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_live_audit AFTER INSERT ON "AuditEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_live_from_audit();

-- Every statement that adds events (the trigger above, presence changes from lib/live) announces
-- them once on 'factmark_live'. NOTIFY is delivered at commit, and not at all on rollback. The
-- payload ("<txid>:<first id>:<last id>") is informative only: a listener does not read "the
-- announced rows" nor "everything after the last id" but a window of the log by snapshot:
--
--   S_new := pg_current_snapshot() (the reading statement's own snapshot)
--   window := events NOT pg_visible_in_snapshot(txid, S_prev), written as
--             txid >= pg_snapshot_xmax(S_prev) OR txid = ANY (pg_snapshot_xip(S_prev))
--             (and visible in S_new, as every row the statement reads is)
--
-- Ids come from a sequence and are taken when a transaction writes, not when it commits, so a long
-- transaction can hold ids below ones already delivered; a snapshot instead says exactly which
-- transactions a reader has seen, so successive windows partition the log in commit order, and a
-- client's position (the SSE id, the page's `since`) is a snapshot too: catching up from C reads
-- the events visible now and not in C (lib/live/log.ts, lib/live/position.ts). "txid" is
-- txid_current(), the 64-bit id that pg_snapshot's xid8 uses; the index on it serves both arms.
CREATE OR REPLACE FUNCTION factmark_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
  last_id bigint;
BEGIN
  SELECT min(id), max(id) INTO first_id, last_id FROM new_rows;
  IF first_id IS NOT NULL THEN
    PERFORM pg_notify('factmark_live', txid_current() || ':' || first_id || ':' || last_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_live_notify AFTER INSERT ON "LiveEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION factmark_live_notify();

-- Whoever adds events (this file's trigger, presence and notifications in lib/live and
-- lib/notifications), the row carries its own transaction id: the announcement names it.
CREATE OR REPLACE FUNCTION factmark_live_txid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.txid := txid_current();
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER factmark_live_txid BEFORE INSERT ON "LiveEvent" FOR EACH ROW EXECUTE FUNCTION factmark_live_txid();
