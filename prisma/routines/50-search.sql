-- Search index (lib/search/): each searchable row carries a weighted tsvector, kept here by one
-- trigger on every searchable table, so it is current whichever code path (or bulk SQL) wrote the
-- row. The text-search configuration is the workspace's setting ("Workspace"."searchLanguage":
-- 'simple' is language-neutral, 'english' stems English); accents are folded by unaccent, so
-- "Sao Paulo" finds "São Paulo".
--
-- Recency inside the index. Besides its words, every vector holds one lexeme naming the month the
-- row was created ('§202612': no query term can spell '§', lib/search/terms.ts). A query that
-- matches a great many rows ranks only its newest matches (lib/search/sql.ts MATCH_CAP, hitSelects);
-- to find them it asks the GIN index for "words & (these months)", in windows of 1, 2, 4, 8…
-- months, newest first, and stops once it has enough, so the heap is read for a few thousand rows
-- however many match in all. Reading every match's row to sort it by date was what made a common
-- word slow on a million annotations (25,000 rows for a word in 2.5% of the claims).
--
-- What each table indexes is data (factmark_search_fields), read by one vector function, one
-- trigger function and one rebuild: a new searchable table is a few lines there.

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

-- A row's vector, from the row as JSON. Notes and sources take their annotation's workspace.
CREATE OR REPLACE FUNCTION factmark_search_vector(tbl text, r jsonb) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
DECLARE
  config regconfig := factmark_search_config(coalesce(r->>'workspaceId', (SELECT a."workspaceId" FROM "Annotation" a WHERE a.id = r->>'annotationId')));
  v tsvector := array_to_tsvector(ARRAY[factmark_search_month((r->>'createdAt')::timestamp)]);
  f record;
  body text;
BEGIN
  FOR f IN SELECT * FROM factmark_search_fields(tbl) LOOP
    body := r->>f.field;
    IF f.url THEN
      body := regexp_replace(regexp_replace(coalesce(body, ''), '^[a-z]+://(www\.)?', '', 'i'), '[^[:alnum:]]+', ' ', 'g');
    END IF;
    v := v || setweight(to_tsvector(config, unaccent('unaccent'::regdictionary, coalesce(body, ''))), f.weight);
  END LOOP;
  RETURN v;
END
$$;

CREATE OR REPLACE FUNCTION factmark_search_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_search_vector(TG_TABLE_NAME, to_jsonb(NEW) - 'searchVector');
  RETURN NEW;
END
$$;

-- The tables, and the one trigger on each: on insert, and on an update of what the vector reads.
CREATE OR REPLACE FUNCTION factmark_search_tables() RETURNS TABLE (tbl text, owned boolean) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('Annotation', true), ('Article', true), ('Note', false), ('Source', false), ('ReferenceCheck', true)
$$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM factmark_search_tables() LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER factmark_search BEFORE INSERT OR UPDATE OF %s ON %I FOR EACH ROW EXECUTE FUNCTION factmark_search_index()',
      (SELECT string_agg(quote_ident(c), ', ') FROM (SELECT field FROM factmark_search_fields(t.tbl)
        UNION ALL SELECT 'createdAt' UNION ALL SELECT 'workspaceId' WHERE t.owned) AS x(c)),
      t.tbl);
  END LOOP;
END
$$;

-- Before this file had one trigger for all tables, each had its own.
DROP TRIGGER IF EXISTS factmark_annotation_search ON "Annotation";
DROP TRIGGER IF EXISTS factmark_article_search ON "Article";
DROP TRIGGER IF EXISTS factmark_note_search ON "Note";
DROP TRIGGER IF EXISTS factmark_source_search ON "Source";
DROP TRIGGER IF EXISTS factmark_reference_search ON "ReferenceCheck";
DROP FUNCTION IF EXISTS factmark_annotation_search(), factmark_article_search(), factmark_note_search(), factmark_source_search(), factmark_reference_search();
DROP FUNCTION IF EXISTS factmark_annotation_vector(regconfig, "Annotation"), factmark_article_vector(regconfig, "Article"),
  factmark_source_vector(regconfig, "Source"), factmark_reference_vector(regconfig, "ReferenceCheck"), factmark_url_words(text),
  factmark_search_part(regconfig, text, "char");

-- Rebuilds one workspace's vectors (after its language changed), or every row still without one
-- (rows written before this file existed, or cleared by a migration that changed what vectors hold)
-- when `workspace` is null.
CREATE OR REPLACE FUNCTION factmark_reindex_search(workspace text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM factmark_search_tables() LOOP
    EXECUTE format('UPDATE %I r SET "searchVector" = factmark_search_vector(%L, to_jsonb(r) - ''searchVector'')'
        ' WHERE ($1 IS NULL AND r."searchVector" IS NULL) OR %s',
      t.tbl, t.tbl,
      CASE WHEN t.owned THEN 'r."workspaceId" = $1' ELSE 'r."annotationId" IN (SELECT a.id FROM "Annotation" a WHERE a."workspaceId" = $1)' END)
      USING workspace;
  END LOOP;
END
$$;

SELECT factmark_reindex_search(NULL);
