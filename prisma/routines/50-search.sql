-- Search index (lib/search/): each searchable row carries a weighted tsvector, kept here by one
-- trigger on every searchable table, so it is current whichever code path (or bulk SQL) wrote the
-- row. The text-search configuration is the workspace's setting ("Workspace"."searchLanguage":
-- 'simple' is language-neutral, 'english' stems English); accents are folded by unaccent, so
-- "Sao Paulo" finds "São Paulo".
--
-- Recency inside the index. Besides its words, every vector holds one lexeme naming the month the
-- row was created ('§202612': no query term can spell '§', lib/search/terms.ts). A query that
-- matches a great many rows ranks only its newest matches (lib/search/sql.ts MATCH_CAP, hitSelects);
-- to find them it asks the GIN index for "words & (these months)", in windows of 3, 6, 12, 24…
-- months, newest first, and stops once it has enough, so the heap is read for a few thousand rows
-- however many match in all. Reading every match's row to sort it by date was what made a common
-- word slow on a million annotations (25,000 rows for a word in 2.5% of the claims).
--
-- Filters inside the index: annotations (and their notes and sources) also hold lexemes for their
-- status, verdict and author, so a filtered search walks the same way (see factmark_search_tags).
--
-- What each table indexes is data (factmark_search_fields, factmark_search_tables); each table's
-- vector function, trigger function and trigger are written out from it when this file is applied,
-- and one rebuild reads it: a new searchable table is a few lines there.

CREATE OR REPLACE FUNCTION factmark_search_config(workspace text) RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.oid::regconfig FROM "Workspace" w JOIN pg_ts_config c ON c.cfgname = w."searchLanguage" AND c.cfgnamespace = 'pg_catalog'::regnamespace
      WHERE w.id = workspace),
    'simple'::regconfig)
$$;

-- Each table's searchable fields and their weights: A the claim or title, B who and where, C the
-- longer text. `url` fields are read as their words ("www.bbc.co.uk/news/uk-politics" → bbc co uk
-- news uk politics): the default parser keeps a URL as one token, which nobody types.
CREATE OR REPLACE FUNCTION factmark_search_fields(tbl text) RETURNS TABLE (field text, weight "char", url boolean) LANGUAGE sql IMMUTABLE AS $$
  SELECT f.field, f.weight::"char", f.field = 'url' FROM (VALUES
    ('Annotation', 'claim', 'A'), ('Annotation', 'claimant', 'B'), ('Annotation', 'quote', 'B'), ('Annotation', 'rationale', 'C'),
    ('Article', 'title', 'A'), ('Article', 'outlet', 'B'), ('Article', 'author', 'B'),
    ('Note', 'body', 'C'),
    ('Source', 'title', 'A'), ('Source', 'publisher', 'B'), ('Source', 'url', 'C'), ('Source', 'excerpt', 'C'),
    ('ReferenceCheck', 'claim', 'A'), ('ReferenceCheck', 'claimant', 'B'), ('ReferenceCheck', 'publisher', 'B'), ('ReferenceCheck', 'ratingLabel', 'C')
  ) AS f(tbl, field, weight) WHERE f.tbl = factmark_search_fields.tbl
$$;

-- The month lexeme of a creation time (see above).
CREATE OR REPLACE FUNCTION factmark_search_month(at timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '§' || (extract(year FROM at) * 100 + extract(month FROM at))::int
$$;

-- Filters inside the index. An annotation's vector (and its notes' and sources') also holds one
-- lexeme for each filter of the search that is not a word: its status ('§sAPPROVED'), verdict
-- option ('§v' and the option's id) and author, which the "reviewer" filter reads ('§r' and the
-- user's id). A filtered search then asks GIN for "words & filters & months" and walks the months
-- like an unfiltered one; the SQL predicates still check each filter exactly (lib/search/sql.ts).
-- A letter after '§' tells them from the month lexemes (digits only). The type filter picks the
-- tables, and claimant, outlet and dates are not lexemes (dates bound the months walked).
CREATE OR REPLACE FUNCTION factmark_search_tags(status text, verdict text, author text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY['§s' || status, '§v' || verdict, '§r' || author], NULL)
$$;

-- The tables: `owned` has its own "workspaceId" (else it belongs to an annotation through
-- "annotationId" and takes that annotation's workspace); `tagged` carries the filter lexemes (of
-- the annotation itself, or the one it belongs to).
DROP FUNCTION IF EXISTS factmark_search_tables();
CREATE FUNCTION factmark_search_tables() RETURNS TABLE (tbl text, owned boolean, tagged boolean) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('Annotation', true, true), ('Article', true, false), ('Note', false, true), ('Source', false, true), ('ReferenceCheck', true, false)
$$;

-- The body of one table's vector function, from the field table: the month and filter lexemes
-- (`tags`), then each field of row `r` weighted, accents folded, in configuration `config`.
CREATE OR REPLACE FUNCTION factmark_search_vector_sql(tbl text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'SELECT array_to_tsvector(factmark_search_month(r."createdAt") || tags) || ' || string_agg(format(
    'setweight(to_tsvector(config, unaccent(''unaccent''::regdictionary, %s)), %L)',
    CASE WHEN f.url
      THEN format('regexp_replace(regexp_replace(coalesce(r.%I, ''''), ''^[a-z]+://(www\.)?'', '''', ''i''), ''[^[:alnum:]]+'', '' '', ''g'')', f.field)
      ELSE format('coalesce(r.%I, '''')', f.field) END,
    f.weight), ' || ')
  FROM factmark_search_fields(tbl) f
$$;

-- The filter lexemes of annotation `a` (an alias), as SQL.
CREATE OR REPLACE FUNCTION factmark_search_tags_sql(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('factmark_search_tags(%1$s.status::text, %1$s."verdictOptionId", %1$s."authorId")', a)
$$;

-- Written out per table from the field table each time this file is applied: a generic function
-- that read each row as JSON and looped over its fields took 889 s for a million annotations where
-- hand-written per-table functions had taken 333 s. For each table T (lower-cased t):
-- - factmark_search_vector_t(config, row, tags): its vector (a one-line SQL function);
-- - factmark_search_index_t(): its trigger function, which finds the configuration and the tags;
-- - trigger factmark_search: on insert, and on an update of anything the vector reads.
DO $$
DECLARE
  t record;
  fn text;
  config text;
  tags text;
BEGIN
  FOR t IN SELECT * FROM factmark_search_tables() LOOP
    fn := 'factmark_search_vector_' || lower(t.tbl);
    EXECUTE format('CREATE OR REPLACE FUNCTION %I(config regconfig, r %I, tags text[]) RETURNS tsvector LANGUAGE sql STABLE AS %L',
      fn, t.tbl, factmark_search_vector_sql(t.tbl));
    IF t.owned THEN
      config := 'factmark_search_config(NEW."workspaceId")';
      tags := CASE WHEN t.tagged THEN factmark_search_tags_sql('NEW') ELSE '''{}''::text[]' END;
    ELSE
      config := '(SELECT factmark_search_config(a."workspaceId") FROM "Annotation" a WHERE a.id = NEW."annotationId")';
      -- FOR SHARE: a status or verdict change committing meanwhile would retag only the rows it
      -- can see, so this row waits for it and reads the new tags (and such a change waits for it).
      tags := format('coalesce((SELECT %s FROM "Annotation" a WHERE a.id = NEW."annotationId" FOR SHARE), ''{}'')',
        factmark_search_tags_sql('a'));
    END IF;
    EXECUTE format('CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS %L', 'factmark_search_index_' || lower(t.tbl),
      format('BEGIN NEW."searchVector" := %I(coalesce(%s, ''simple''), NEW, %s); RETURN NEW; END', fn, config, tags));
    EXECUTE format('CREATE OR REPLACE TRIGGER factmark_search BEFORE INSERT OR UPDATE OF %s ON %I FOR EACH ROW EXECUTE FUNCTION %I()',
      (SELECT string_agg(quote_ident(c), ', ') FROM (SELECT field FROM factmark_search_fields(t.tbl)
        UNION ALL SELECT 'createdAt' UNION ALL SELECT 'workspaceId' WHERE t.owned
        UNION ALL SELECT unnest(ARRAY['status', 'verdictOptionId', 'authorId']) WHERE t.owned AND t.tagged) AS x(c)),
      t.tbl, 'factmark_search_index_' || lower(t.tbl));
  END LOOP;
END
$$;

-- An annotation's notes and sources carry its filter lexemes: when its status, verdict or author
-- changes (review, publish, withdraw, a verdict edit), theirs are swapped in place, text untouched.
CREATE OR REPLACE FUNCTION factmark_search_retag() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_tags text[] := factmark_search_tags(OLD.status::text, OLD."verdictOptionId", OLD."authorId");
  new_tags text[] := factmark_search_tags(NEW.status::text, NEW."verdictOptionId", NEW."authorId");
BEGIN
  UPDATE "Note" SET "searchVector" = ts_delete("searchVector", old_tags) || array_to_tsvector(new_tags)
    WHERE "annotationId" = NEW.id AND "searchVector" IS NOT NULL;
  UPDATE "Source" SET "searchVector" = ts_delete("searchVector", old_tags) || array_to_tsvector(new_tags)
    WHERE "annotationId" = NEW.id AND "searchVector" IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER factmark_search_retag AFTER UPDATE OF status, "verdictOptionId", "authorId" ON "Annotation" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."verdictOptionId" IS DISTINCT FROM NEW."verdictOptionId"
    OR OLD."authorId" IS DISTINCT FROM NEW."authorId")
  EXECUTE FUNCTION factmark_search_retag();

-- What earlier versions of this file created: per-table triggers, then one generic function that
-- read each row as JSON.
DROP TRIGGER IF EXISTS factmark_annotation_search ON "Annotation";
DROP TRIGGER IF EXISTS factmark_article_search ON "Article";
DROP TRIGGER IF EXISTS factmark_note_search ON "Note";
DROP TRIGGER IF EXISTS factmark_source_search ON "Source";
DROP TRIGGER IF EXISTS factmark_reference_search ON "ReferenceCheck";
DROP FUNCTION IF EXISTS factmark_annotation_search(), factmark_article_search(), factmark_note_search(), factmark_source_search(), factmark_reference_search();
DROP FUNCTION IF EXISTS factmark_annotation_vector(regconfig, "Annotation"), factmark_article_vector(regconfig, "Article"),
  factmark_source_vector(regconfig, "Source"), factmark_reference_vector(regconfig, "ReferenceCheck"), factmark_url_words(text),
  factmark_search_part(regconfig, text, "char");
DROP FUNCTION IF EXISTS factmark_search_index();
DROP FUNCTION IF EXISTS factmark_search_vector(text, jsonb);

-- Rebuilds one workspace's vectors (after its language changed), or every row still without one
-- (rows written before this file existed, or cleared by a migration that changed what vectors hold)
-- when `workspace` is null: one UPDATE per table through its own vector function, the
-- configuration looked up once per workspace.
CREATE OR REPLACE FUNCTION factmark_reindex_search(workspace text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
  owner text;
BEGIN
  FOR t IN SELECT * FROM factmark_search_tables() LOOP
    owner := CASE WHEN t.owned THEN 'r' ELSE 'a' END;
    EXECUTE format('UPDATE %I r SET "searchVector" = %I(c.config, r, %s)'
        ' FROM %s(SELECT w.id, factmark_search_config(w.id) AS config FROM "Workspace" w) c'
        ' WHERE c.id = %I."workspaceId" %s AND (($1 IS NULL AND r."searchVector" IS NULL) OR c.id = $1)',
      t.tbl, 'factmark_search_vector_' || lower(t.tbl),
      CASE WHEN t.tagged THEN factmark_search_tags_sql(owner) ELSE '''{}''::text[]' END,
      CASE WHEN t.owned THEN '' ELSE '"Annotation" a, ' END,
      owner,
      CASE WHEN t.owned THEN '' ELSE 'AND a.id = r."annotationId"' END)
      USING workspace;
  END LOOP;
END
$$;

SELECT factmark_reindex_search(NULL);
