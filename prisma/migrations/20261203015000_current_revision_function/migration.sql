-- The article's current revision (the highest number), read with a snapshot of its own. A single
-- statement that first locks the article FOR SHARE and then calls this sees a revision that
-- committed while it waited for the lock: VOLATILE functions take a fresh snapshot for each
-- query they run, where a subquery would keep the statement's older one. Used by the one-statement
-- annotation create (lib/annotations/create.ts, issue #15).
CREATE FUNCTION factmark_current_revision(article_id text) RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT id FROM "ArticleRevision" WHERE "articleId" = article_id ORDER BY number DESC LIMIT 1 $$;
