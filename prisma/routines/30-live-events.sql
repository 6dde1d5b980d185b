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
      WHEN t.type LIKE 'note.%' THEN jsonb_build_object('noteId', coalesce(e.after->>'noteId', e.before->>'noteId'), 'version', a.version)
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
-- them once: "<txid>:<first id>:<last id>". Ids come from a sequence, so a transaction that commits
-- later can hold smaller ids than one already delivered; a listener therefore reads exactly the
-- announced transaction's rows instead of "everything after the last id it saw". NOTIFY is
-- delivered at commit, and not at all on rollback. A statement too large for one payload does
-- not exist: the payload is three numbers whatever the number of rows.
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
