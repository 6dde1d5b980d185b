-- Search index (lib/search/): each searchable row carries a weighted tsvector, kept here by
-- triggers so it is current whichever code path (or bulk SQL) wrote the row. The text-search
-- configuration is the workspace's setting ("Workspace"."searchLanguage": 'simple' is
-- language-neutral, 'english' stems English); accents are folded by unaccent, so "Sao Paulo"
-- finds "São Paulo". Weights: A the claim or title, B who and where, C the longer text.

CREATE OR REPLACE FUNCTION factmark_search_config(workspace text) RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.oid::regconfig FROM "Workspace" w JOIN pg_ts_config c ON c.cfgname = w."searchLanguage" AND c.cfgnamespace = 'pg_catalog'::regnamespace
      WHERE w.id = workspace),
    'simple'::regconfig)
$$;

CREATE OR REPLACE FUNCTION factmark_search_part(config regconfig, body text, weight "char") RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(config, unaccent('unaccent'::regdictionary, coalesce(body, ''))), weight)
$$;

-- A URL's words ("www.bbc.co.uk/news/uk-politics" → bbc co uk news uk politics): the default
-- parser keeps a URL as one token, which nobody types.
CREATE OR REPLACE FUNCTION factmark_url_words(url text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(coalesce(url, ''), '^[a-z]+://(www\.)?', '', 'i'), '[^[:alnum:]]+', ' ', 'g')
$$;

CREATE OR REPLACE FUNCTION factmark_annotation_vector(config regconfig, a "Annotation") RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT factmark_search_part(config, a.claim, 'A') || factmark_search_part(config, a.claimant, 'B')
      || factmark_search_part(config, a.quote, 'B') || factmark_search_part(config, a.rationale, 'C')
$$;

CREATE OR REPLACE FUNCTION factmark_article_vector(config regconfig, a "Article") RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT factmark_search_part(config, a.title, 'A') || factmark_search_part(config, a.outlet, 'B') || factmark_search_part(config, a.author, 'B')
$$;

CREATE OR REPLACE FUNCTION factmark_source_vector(config regconfig, s "Source") RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT factmark_search_part(config, s.title, 'A') || factmark_search_part(config, s.publisher, 'B')
      || factmark_search_part(config, factmark_url_words(s.url), 'C') || factmark_search_part(config, s.excerpt, 'C')
$$;

CREATE OR REPLACE FUNCTION factmark_reference_vector(config regconfig, r "ReferenceCheck") RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT factmark_search_part(config, r.claim, 'A') || factmark_search_part(config, r.claimant, 'B')
      || factmark_search_part(config, r.publisher, 'B') || factmark_search_part(config, r."ratingLabel", 'C')
$$;

CREATE OR REPLACE FUNCTION factmark_annotation_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_annotation_vector(factmark_search_config(NEW."workspaceId"), NEW);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION factmark_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_article_vector(factmark_search_config(NEW."workspaceId"), NEW);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION factmark_note_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_search_part(factmark_search_config((SELECT "workspaceId" FROM "Annotation" WHERE id = NEW."annotationId")), NEW.body, 'C');
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION factmark_source_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_source_vector(factmark_search_config((SELECT "workspaceId" FROM "Annotation" WHERE id = NEW."annotationId")), NEW);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION factmark_reference_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := factmark_reference_vector(factmark_search_config(NEW."workspaceId"), NEW);
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER factmark_annotation_search BEFORE INSERT OR UPDATE OF claim, claimant, quote, rationale, "workspaceId" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION factmark_annotation_search();
CREATE OR REPLACE TRIGGER factmark_article_search BEFORE INSERT OR UPDATE OF title, outlet, author, "workspaceId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION factmark_article_search();
CREATE OR REPLACE TRIGGER factmark_note_search BEFORE INSERT OR UPDATE OF body ON "Note"
  FOR EACH ROW EXECUTE FUNCTION factmark_note_search();
CREATE OR REPLACE TRIGGER factmark_source_search BEFORE INSERT OR UPDATE OF title, publisher, url, excerpt ON "Source"
  FOR EACH ROW EXECUTE FUNCTION factmark_source_search();
CREATE OR REPLACE TRIGGER factmark_reference_search BEFORE INSERT OR UPDATE OF claim, claimant, publisher, "ratingLabel" ON "ReferenceCheck"
  FOR EACH ROW EXECUTE FUNCTION factmark_reference_search();

-- Rebuilds one workspace's vectors (after its language changed), or every row still without one
-- (rows written before this file existed) when `workspace` is null.
CREATE OR REPLACE FUNCTION factmark_reindex_search(workspace text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Annotation" a SET "searchVector" = factmark_annotation_vector(factmark_search_config(a."workspaceId"), a)
    WHERE (workspace IS NULL AND a."searchVector" IS NULL) OR a."workspaceId" = workspace;
  UPDATE "Article" a SET "searchVector" = factmark_article_vector(factmark_search_config(a."workspaceId"), a)
    WHERE (workspace IS NULL AND a."searchVector" IS NULL) OR a."workspaceId" = workspace;
  UPDATE "Note" n SET "searchVector" = factmark_search_part(factmark_search_config(a."workspaceId"), n.body, 'C')
    FROM "Annotation" a WHERE a.id = n."annotationId" AND ((workspace IS NULL AND n."searchVector" IS NULL) OR a."workspaceId" = workspace);
  UPDATE "Source" s SET "searchVector" = factmark_source_vector(factmark_search_config(a."workspaceId"), s)
    FROM "Annotation" a WHERE a.id = s."annotationId" AND ((workspace IS NULL AND s."searchVector" IS NULL) OR a."workspaceId" = workspace);
  UPDATE "ReferenceCheck" r SET "searchVector" = factmark_reference_vector(factmark_search_config(r."workspaceId"), r)
    WHERE (workspace IS NULL AND r."searchVector" IS NULL) OR r."workspaceId" = workspace;
END
$$;

SELECT factmark_reindex_search(NULL);
