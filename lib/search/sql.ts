import "server-only";
import { visibleAnnotationSql, visibleNoteSql, type Visibility } from "../access/visibility";
import { Prisma } from "../db/generated/client";
import type { AnnotationStatus } from "../db/generated/enums";
import { MARK_END, MARK_START } from "./marks";

// Every SQL statement of search and claim matching, in one place. Rows are always scoped by the
// visibility rule's SQL twin (lib/access/visibility.ts): workspace, not deleted, and the blind
// second opinion; search and matching also leave out superseded and dismissed annotations, which
// stay readable only from their own history.

export type SearchType = "annotation" | "note" | "source" | "article" | "reference";

export type SearchFilters = {
  types: SearchType[];
  verdictKeys?: string[];
  statuses?: AnnotationStatus[];
  reviewerIds?: string[];
  claimant?: string;
  outlet?: string;
  createdFrom?: Date;
  /** Exclusive. */
  createdBefore?: Date;
};

/**
 * What a search runs: the tsquery text rows must match (empty: no words, recent work first), the
 * one that ranks them (all the words, lib/search/plan.ts), the raw query for trigram matching, and
 * the clock for recency.
 */
export type SearchPlan = {
  tsquery: string;
  rankQuery: string;
  /** What GIN is asked instead of `tsquery` (it without words in most rows, chooseMatch); rows are still checked against `tsquery`. */
  indexQuery?: string;
  raw: string;
  now: Date;
  filters: SearchFilters;
  visibility: Visibility;
  /** False reads every match to find the newest (the reference the month walk is tested against); see hitSelects. */
  walk?: boolean;
  /** The statistics say a single word matches far more rows than are ranked: walk the months at once (see hitSelects). */
  wide?: boolean;
  /**
   * How many caps of rows the first read may take before it walks (default 1): more when the
   * statistics bound the matches to a few caps, so a query with a few thousand matches reads them
   * once rather than reading a cap and then walking (see hitSelects, lib/search/plan.ts).
   */
  firstRead?: number;
  /**
   * The statistics cannot bound the matches (several common words: they may share few rows, or be
   * one phrase): before the first read, count the newest month's matches of the words taken
   * exactly (cheap for GIN, unlike prefixes), and walk at once when there are many (see hitSelects).
   */
  probe?: boolean;
};

/** Where a page ends: the sort key (a score, or a creation time for recent work) and the id. */
export type Keyset = { key: string; id: string };

// Ranking, documented in the README: text rank (ts_rank normalised to 0–1 by rank/(rank+1)) weighs
// most, trigram word similarity catches typos and fragments, and recency (a 90-day half-life
// shape) breaks near-ties toward current work. Rounded so a keyset can compare it exactly.
const TEXT_WEIGHT = 0.6;
const TRIGRAM_WEIGHT = 0.25;
const RECENCY_WEIGHT = 0.15;
/** Trigram matching only for short queries: a typo in a name or a word, not a pasted sentence. */
export const TRIGRAM_MAX_LENGTH = 40;

const annotationOnly = (f: SearchFilters) => Boolean(f.verdictKeys || f.statuses || f.reviewerIds);

/** Conditions every annotation-backed hit meets, on "Annotation" a: visible, current, and the verdict, status and reviewer filters. */
function annotationConditions(plan: SearchPlan): Prisma.Sql[] {
  const f = plan.filters;
  const c = [
    visibleAnnotationSql(plan.visibility, "a"),
    Prisma.sql`a."supersededAt" IS NULL`,
    Prisma.sql`a.placement <> 'DISMISSED'`,
  ];
  if (f.verdictKeys) {
    c.push(Prisma.sql`a."verdictOptionId" IN (SELECT o.id FROM "VerdictOption" o JOIN "VerdictScale" s ON s.id = o."scaleId"
      WHERE s."workspaceId" = ${plan.visibility.workspaceId} AND o.key IN (${Prisma.join(f.verdictKeys)}))`);
  }
  if (f.statuses) c.push(Prisma.sql`a.status::text IN (${Prisma.join(f.statuses)})`);
  if (f.reviewerIds) c.push(Prisma.sql`a."authorId" IN (${Prisma.join(f.reviewerIds)})`);
  return c;
}

function dateConditions(plan: SearchPlan, column: Prisma.Sql): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (plan.filters.createdFrom) c.push(Prisma.sql`${column} >= ${plan.filters.createdFrom}`);
  if (plan.filters.createdBefore) c.push(Prisma.sql`${column} < ${plan.filters.createdBefore}`);
  return c;
}

/** The sort key: the rounded score for a query, the creation time (epoch ms) for "recent work". */
function keyExpression(
  plan: SearchPlan,
  vector: Prisma.Sql,
  trigramOn: Prisma.Sql | null,
  created: Prisma.Sql,
): { key: Prisma.Sql; score: Prisma.Sql } {
  // Recent work: the creation time itself, so the (workspace, createdAt) indexes give the order.
  if (!plan.tsquery) return { key: created, score: Prisma.sql`0::float8` };
  const text = Prisma.sql`coalesce(ts_rank(${vector}, q.rank, 32), 0)`;
  const trigram = trigramOn && plan.raw ? Prisma.sql`word_similarity(q.raw, ${trigramOn})` : Prisma.sql`0`;
  const recency = Prisma.sql`1.0 / (1.0 + greatest(extract(epoch FROM (${plan.now}::timestamp - ${created})), 0) / 7776000.0)`;
  // The weights are constants of this module, written into the SQL (a bound number could be typed as an integer).
  const weight = (w: number) => Prisma.raw(w.toFixed(2));
  const score = Prisma.sql`round((${weight(TEXT_WEIGHT)} * ${text} + ${weight(TRIGRAM_WEIGHT)} * ${trigram} 
    + ${weight(RECENCY_WEIGHT)} * ${recency})::numeric, 6)`;
  return { key: score, score: Prisma.sql`${score}::float8` };
}

function matchCondition(
  plan: SearchPlan,
  vector: Prisma.Sql,
  trigramOn: Prisma.Sql | null,
  tsquery: Prisma.Sql,
): Prisma.Sql {
  if (!plan.tsquery) return Prisma.sql`TRUE`;
  // The function form of @@ is no index condition: GIN answers `tsquery` (from q.idx), the row the rest.
  const words = plan.indexQuery
    ? Prisma.sql`(${vector} @@ ${tsquery} AND ts_match_vq(${vector}, q.tsq))`
    : Prisma.sql`${vector} @@ ${tsquery}`;
  return trigramOn && plan.raw ? Prisma.sql`(${words} OR q.raw <% ${trigramOn})` : words;
}

/**
 * A query that matches a great many rows ranks only its most recent matches of each kind, so a
 * search costs about the same on a desk of a million annotations as on a small one (the page
 * says when it was capped: facets' `capped`).
 */
export const MATCH_CAP = 2000;

type Kind = {
  type: SearchType;
  from: Prisma.Sql;
  conditions: Prisma.Sql[];
  vector: Prisma.Sql;
  trigram: Prisma.Sql | null;
  created: Prisma.Sql;
  id: Prisma.Sql;
  annotationId: Prisma.Sql;
  articleId: Prisma.Sql;
  /** What the facets count ("verdictOptionId", status, "authorId", claimant), carried with each hit so facets read no row again. */
  facets: Prisma.Sql;
  /** Its vectors carry the verdict, status and reviewer filters as lexemes (q.filters), and the plan has such a filter. */
  tagged: boolean;
};

/**
 * What tells one kind of hit from another: its table and alias, how it reaches the annotation it
 * belongs to (itself, its "annotationId", or none), the field typos are matched on, and where the
 * claimant and outlet filters look (a kind without that field is left out by the filter).
 */
type KindSpec = {
  type: SearchType;
  table: string;
  alias: string;
  annotation: "self" | "annotationId" | null;
  trigram?: string;
  claimant?: string;
  outlet?: string;
};

const ON_ANNOTATION = { claimant: `a.claimant`, outlet: `ar.outlet` };
const KIND_SPECS: KindSpec[] = [
  { type: "annotation", table: "Annotation", alias: "a", annotation: "self", trigram: "claim", ...ON_ANNOTATION },
  { type: "note", table: "Note", alias: "n", annotation: "annotationId", ...ON_ANNOTATION },
  { type: "source", table: "Source", alias: "s", annotation: "annotationId", ...ON_ANNOTATION },
  { type: "article", table: "Article", alias: "ar", annotation: null, trigram: "title", outlet: `ar.outlet` },
  { type: "reference", table: "ReferenceCheck", alias: "r", annotation: null, claimant: `r.claimant` },
];

/** One kind of hit as the plan asks for it: which of its rows are visible and pass the filters; null when the filters leave it out. */
function kindOf(plan: SearchPlan, spec: KindSpec): Kind | null {
  const f = plan.filters;
  if (!f.types.includes(spec.type)) return null;
  const col = (name: string) => Prisma.raw(`${spec.alias}."${name}"`);
  const conditions = dateConditions(plan, col("createdAt"));
  for (const [filter, value] of [
    ["claimant", f.claimant],
    ["outlet", f.outlet],
  ] as const) {
    if (value === undefined) continue;
    if (!spec[filter]) return null;
    conditions.push(Prisma.sql`${Prisma.raw(spec[filter])} = ${value}`);
  }
  let from: Prisma.Sql;
  if (spec.annotation) {
    // The article is joined only to filter by its outlet.
    const article = f.outlet ? ` JOIN "Article" ar ON ar.id = a."articleId"` : "";
    const own = spec.annotation === "self" ? "" : `"${spec.table}" ${spec.alias} JOIN `;
    const via = spec.annotation === "self" ? "" : ` ON a.id = ${spec.alias}."annotationId"`;
    from = Prisma.raw(`${own}"Annotation" a${via}${article}`);
    conditions.push(...annotationConditions(plan));
    if (spec.type === "note")
      conditions.push(Prisma.sql`n."deletedAt" IS NULL`, visibleNoteSql(plan.visibility, "n", "a"));
  } else {
    // Articles and reference checks have no verdict, status or reviewer: such a filter leaves them out.
    if (annotationOnly(f)) return null;
    from = Prisma.raw(`"${spec.table}" ${spec.alias}`);
    conditions.push(Prisma.sql`${col("workspaceId")} = ${plan.visibility.workspaceId}`);
  }
  return {
    type: spec.type,
    from,
    conditions,
    tagged: spec.annotation !== null && annotationOnly(f),
    vector: col("searchVector"),
    trigram: spec.trigram ? col(spec.trigram) : null,
    created: col("createdAt"),
    id: col("id"),
    annotationId: spec.annotation ? Prisma.sql`a.id` : Prisma.sql`NULL::text`,
    facets: spec.annotation
      ? Prisma.sql`a."verdictOptionId", a.status::text AS status, a."authorId", a.claimant`
      : Prisma.sql`NULL::text AS "verdictOptionId", NULL::text AS status, NULL::text AS "authorId",
          ${spec.claimant ? Prisma.raw(spec.claimant) : Prisma.sql`NULL::text`} AS claimant`,
    articleId: spec.annotation
      ? Prisma.sql`a."articleId"`
      : spec.type === "article"
        ? col("id")
        : Prisma.sql`NULL::text`,
  };
}

/** Each kind of hit the plan asks for. */
function kinds(plan: SearchPlan): Kind[] {
  return KIND_SPECS.map((spec) => kindOf(plan, spec)).filter((k): k is Kind => k !== null);
}

/**
 * One SELECT per kind of hit, each giving (type, id, annotationId, articleId, createdAt, key,
 * score): the matching rows, newest first, at most `cap` of them (past `after` for recent work,
 * whose key is the creation time), then scored.
 *
 * For a query, the newest `cap` matches are found without reading every match's row:
 * - First up to `cap + 1` matching rows are read in whatever order the bitmap gives them (CTE
 *   `few`). When that is all of them (at most `cap`), they are the candidates: a rare word. When
 *   the statistics bound the matches to a few caps (`plan.firstRead`), this read goes up to that
 *   many caps and, when it holds them all, the newest `cap` of them are the candidates: one index
 *   lookup and a few thousand rows cost less than a first read followed by a walk.
 * - Otherwise there are more matches than will be ranked, and the newest are found by date: each
 *   row's vector also holds its creation month (prisma/routines/50-search.sql), so "words & these
 *   months" is one GIN lookup that returns only those months' matches. Windows of 3, 6, 12, 24…
 *   months come newest first (CTE `months`) and the outer LIMIT stops asking once `cap` rows are
 *   in. A LATERAL subquery that reads the outer row can only run as the inner side of a nested
 *   loop, so windows are asked in order and no further than needed.
 * A single word that PostgreSQL's statistics put in far more rows than the cap (`plan.wide`, under
 * filters too: their lexemes' shares count) skips `few` and walks at once: each lookup reads the
 * word's whole posting list, so one fewer counts.
 * The heap is read for about 2-3 × `cap` rows however many rows match. Verdict, status and
 * reviewer filters are lexemes of the index too (filtersTsquery), so GIN rejects what they reject
 * before the heap is read; claimant and outlet filters read the rows they reject. The
 * statistics only choose how the rows are read (`wide`, `firstRead`, `probe`; lib/search/plan.ts):
 * whether the first read holds every match is counted at run time, so every branch yields the same
 * rows. Ranking, facets and the page then work on those rows alone.
 */
function hitSelects(plan: SearchPlan, cap: number, after?: Keyset): Prisma.Sql[] {
  return kinds(plan).map((k) => {
    const recentAfter =
      !plan.tsquery && after
        ? [
            Prisma.sql`(${k.created} < ${after.key}::timestamp(3) OR (${k.created} = ${after.key}::timestamp(3) AND ${k.id} > ${after.id}))`,
          ]
        : [];
    // Under a verdict, status or reviewer filter, GIN is asked for the filter lexemes too (see filtersTsquery).
    const asked = plan.indexQuery ? Prisma.sql`q.idx` : Prisma.sql`q.tsq`;
    const tsq = k.tagged ? Prisma.sql`(${asked} && q.filters)` : asked;
    const rows = (tsquery: Prisma.Sql, order: boolean, limit: number) =>
      Prisma.sql`SELECT ${k.id} AS id, ${k.annotationId} AS "annotationId", ${k.articleId} AS "articleId", ${k.created} AS "createdAt", ${k.facets},
        ${plan.tsquery ? k.vector : Prisma.sql`NULL::tsvector`} AS vec, ${k.trigram && plan.raw ? k.trigram : Prisma.sql`NULL::text`} AS tg
      FROM ${k.from}, q
      WHERE ${Prisma.join([...k.conditions, matchCondition(plan, k.vector, k.trigram, tsquery), ...recentAfter], " AND ")}
      ${order ? Prisma.sql`ORDER BY ${k.created} DESC, ${k.id}` : Prisma.empty} LIMIT ${limit}`;
    // Trigram matches carry no month, so a kind matched by trigrams too (a small desk's typo) is read whole.
    const walk = plan.tsquery && plan.walk !== false && !(k.trigram && plan.raw);
    const walked = Prisma.sql`SELECT c.* FROM months m CROSS JOIN LATERAL (${rows(Prisma.sql`(${tsq} && m.tsq)`, true, cap)}) c`;
    const first = cap * Math.max(1, Math.floor(plan.firstRead ?? 1));
    // The probe: at least this many exact matches in the first window (three months) put a cap
    // within about two years, so a first read would be wasted. CASE keeps it ahead of the first
    // read, which then never runs.
    const busy = Math.max(1, Math.floor(cap / 8));
    const probe = plan.probe
      ? Prisma.sql`, busy AS MATERIALIZED (SELECT count(*) >= ${busy} AS yes FROM (${rows(
          Prisma.sql`(${k.tagged ? Prisma.sql`(q.exact && q.filters)` : Prisma.sql`q.exact`} && (SELECT m.tsq FROM months m WHERE m.w = 0))`,
          false,
          busy,
        )}) x)`
      : Prisma.empty;
    const unless = (yes: string, condition: Prisma.Sql) =>
      plan.probe
        ? Prisma.sql`CASE WHEN (SELECT yes FROM busy) THEN ${Prisma.raw(yes)} ELSE ${condition} END`
        : condition;
    const candidates = !walk
      ? rows(tsq, true, cap)
      : plan.wide
        ? Prisma.sql`${walked} LIMIT ${cap}`
        : Prisma.sql`WITH few AS MATERIALIZED (${rows(tsq, false, first + 1)})${probe}
        (SELECT * FROM few WHERE ${unless("false", Prisma.sql`(SELECT count(*) FROM few) <= ${first}`)} ORDER BY "createdAt" DESC, id LIMIT ${cap})
        UNION ALL
        (${walked} WHERE ${unless("true", Prisma.sql`(SELECT count(*) FROM few) > ${first}`)} LIMIT ${cap})`;
    const { key, score } = keyExpression(
      plan,
      Prisma.sql`c.vec`,
      k.trigram ? Prisma.sql`c.tg` : null,
      Prisma.sql`c."createdAt"`,
    );
    return Prisma.sql`SELECT ${k.type}::text AS type, c.id, c."annotationId", c."articleId", c."createdAt",
      c."verdictOptionId", c.status, c."authorId", c.claimant,
      ${key} AS key, ${score} AS score FROM (${candidates}) c, q`;
  });
}

/**
 * The CTE `months` a walk goes through: windows of month lexemes (as tsqueries) from the newest
 * month anything of the workspace was created in (or now) back to the oldest, newest first. Notes and
 * sources are written after their annotation, so the annotations' and articles' dates bound
 * them too. Each bound is one read of a (workspace, createdAt) index.
 */
function monthsCte(plan: SearchPlan): Prisma.Sql {
  const ws = plan.visibility.workspaceId;
  const bound = (fn: "min" | "max") =>
    Prisma.join(
      ["Annotation", "Article", "ReferenceCheck"].map(
        (table) =>
          Prisma.sql`(SELECT ${Prisma.raw(fn)}("createdAt") FROM ${Prisma.raw(`"${table}"`)} WHERE "workspaceId" = ${ws})`,
      ),
    );
  // The date filters bound the months walked (the SQL predicates still check the days).
  const { createdFrom, createdBefore } = plan.filters;
  const newest = Prisma.sql`greatest(${plan.now}::timestamp, now()::timestamp, ${bound("max")})`;
  const latest = createdBefore
    ? Prisma.sql`least(${newest}, ${createdBefore}::timestamp - interval '1 millisecond')`
    : newest;
  const oldest = Prisma.sql`least((SELECT "createdAt" FROM "Workspace" WHERE id = ${ws}), ${bound("min")})`;
  const earliest = createdFrom ? Prisma.sql`greatest(${oldest}, ${createdFrom}::timestamp)` : oldest;
  // Windows of 3, 6, 12, 24… months: a lookup costs GIN the whole of each word's posting list (a
  // prefix's list is rebuilt as a bitmap each time: 40-50 ms of CPU for a word in 5% of a million
  // rows), so a sparse query reaches back years in a handful of lookups, and a common one usually
  // finds its cap in the first window (the current month has only begun; the two before are whole).
  return Prisma.sql`months AS MATERIALIZED (
      SELECT floor(log(2, (g.i + 2) / 3.0)) AS w, string_agg(format('%L', factmark_search_month(g.m)), ' | ')::tsquery AS tsq
      FROM generate_series(
        date_trunc('month', ${latest}),
        date_trunc('month', ${earliest}),
        interval '-1 month') WITH ORDINALITY AS g(m, i)
      GROUP BY 1 ORDER BY 1
    )`;
}

/**
 * The verdict, status and reviewer filters as a tsquery of the filter lexemes annotations' vectors
 * carry (prisma/routines/50-search.sql, "Filters inside the index"): any of each filter's values,
 * all filters. NULL (matching nothing) when a filter names no verdict of the workspace, as the
 * exact predicate would. Lexemes are quoted by format('%L'), so no value is parsed as tsquery syntax.
 */
function filtersTsquery(plan: SearchPlan): Prisma.Sql {
  const f = plan.filters;
  const any = (prefix: string, values: Prisma.Sql) =>
    Prisma.sql`(SELECT string_agg(format('%L', ${prefix} || v), ' | ')::tsquery FROM (${values}) AS x(v))`;
  const groups: Prisma.Sql[] = [];
  if (f.verdictKeys) {
    groups.push(
      any(
        "§v",
        Prisma.sql`SELECT o.id FROM "VerdictOption" o JOIN "VerdictScale" s ON s.id = o."scaleId"
          WHERE s."workspaceId" = ${plan.visibility.workspaceId} AND o.key IN (${Prisma.join(f.verdictKeys)})`,
      ),
    );
  }
  if (f.statuses) groups.push(any("§s", Prisma.sql`SELECT unnest(${f.statuses}::text[])`));
  if (f.reviewerIds) groups.push(any("§r", Prisma.sql`SELECT unnest(${f.reviewerIds}::text[])`));
  return groups.length ? Prisma.join(groups, " && ") : Prisma.sql`NULL::tsquery`;
}

function queryCte(plan: SearchPlan): Prisma.Sql {
  const parse = (text: string) =>
    text
      ? Prisma.sql`to_tsquery(factmark_search_config(${plan.visibility.workspaceId}), ${text})`
      : Prisma.sql`NULL::tsquery`;
  return Prisma.sql`q AS MATERIALIZED (SELECT ${parse(plan.tsquery)} AS tsq, ${parse(plan.rankQuery || plan.tsquery)} AS rank, ${plan.raw}::text AS raw,
    ${filtersTsquery(plan)} AS filters, ${plan.indexQuery ? parse(plan.indexQuery) : Prisma.sql`NULL::tsquery`} AS idx, ${
      plan.probe
        ? Prisma.sql`regexp_replace(${parse(plan.indexQuery ?? plan.tsquery)}::text, ':[*]', '', 'g')::tsquery`
        : Prisma.sql`NULL::tsquery`
    } AS exact)`;
}

export type HitRow = {
  type: SearchType;
  id: string;
  annotationId: string | null;
  articleId: string | null;
  key: string;
  score: number;
  articleTitle: string | null;
  claim: string | null;
  claimant: string | null;
  verdictKey: string | null;
  verdictLabel: string | null;
  verdictColor: string | null;
  status: AnnotationStatus | null;
  publisher: string | null;
  url: string | null;
  snippet: string;
  /** ISO 8601, UTC. */
  createdAt: string;
};

/** ts_headline's options: our markers around matches (lib/search/marks.ts), two short fragments. */
const HEADLINE_LIMITS = 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
const HEADLINE = Prisma.sql`'StartSel=${Prisma.raw(MARK_START)}, StopSel=${Prisma.raw(MARK_END)}, ${Prisma.raw(HEADLINE_LIMITS)}'`;

/** The CTE `shown`: the rows of CTE `page` with what a result shows. */
const SHOWN = Prisma.sql`shown AS (
      SELECT p.type, p.id, p."annotationId", p."articleId", p.key, p.score, p."createdAt",
             ar.title AS "articleTitle", coalesce(a.claim, r.claim) AS claim, coalesce(a.claimant, r.claimant) AS claimant,
             o.key AS "verdictKey", coalesce(o.label, r."ratingLabel") AS "verdictLabel", o.color AS "verdictColor", a.status,
             coalesce(r.publisher, src.publisher) AS publisher, coalesce(r.url, src.url) AS url,
             CASE p.type
               WHEN 'annotation' THEN concat_ws(' — ', a.claim, a.claimant, a.rationale)
               WHEN 'note' THEN nt.body
               WHEN 'source' THEN concat_ws(' — ', src.title, src.publisher, src.url, src.excerpt)
               WHEN 'article' THEN concat_ws(' — ', ar.title, ar.outlet, ar.author)
               ELSE concat_ws(' — ', r.claim, r.claimant, r.publisher)
             END AS body
      FROM page p
      LEFT JOIN "Annotation" a ON a.id = p."annotationId"
      LEFT JOIN "Article" ar ON ar.id = p."articleId"
      LEFT JOIN "VerdictOption" o ON o.id = a."verdictOptionId"
      LEFT JOIN "Note" nt ON p.type = 'note' AND nt.id = p.id
      LEFT JOIN "Source" src ON p.type = 'source' AND src.id = p.id
      LEFT JOIN "ReferenceCheck" r ON p.type = 'reference' AND r.id = p.id
    )`;

/** The page's rows from CTE `shown`, with snippets (matches marked for a query). */
function shownSelect(plan: SearchPlan): Prisma.Sql {
  const key = plan.tsquery ? Prisma.sql`s.key::text` : Prisma.sql`to_char(s.key, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
  const snippet = plan.tsquery
    ? Prisma.sql`ts_headline(factmark_search_config(${plan.visibility.workspaceId}), translate(left(s.body, 5000), chr(57344) || chr(57345), ''), 
      q.rank, ${HEADLINE})`
    : Prisma.sql`left(s.body, 300)`;
  return Prisma.sql`SELECT row_number() OVER (ORDER BY s.key DESC, s.id) AS ordinal, s.type, s.id, s."annotationId", s."articleId", ${key} AS key, s.score,
           to_char(s."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", s."articleTitle", s.claim, s.claimant,
           s."verdictKey", s."verdictLabel", s."verdictColor", s.status::text AS status, s.publisher, s.url, ${snippet} AS snippet
    FROM shown s, q`;
}

/** The CTEs `facetrows` and `facets`: counts of CTE `top` by type, verdict, status, reviewer, claimant, outlet and month. */
const FACETS = Prisma.sql`facetrows AS (
      SELECT t.type, o.key AS verdict, o.label AS "verdictLabel", t.status, t."authorId" AS reviewer, u.name AS "reviewerName",
             t.claimant, ar.outlet, to_char(date_trunc('month', t."createdAt"), 'YYYY-MM') AS month
      FROM top t
      LEFT JOIN "VerdictOption" o ON o.id = t."verdictOptionId"
      LEFT JOIN "User" u ON u.id = t."authorId"
      LEFT JOIN "Article" ar ON ar.id = t."articleId"
    ),
    facets AS (
      SELECT 'type' AS facet, type AS value, NULL AS label, count(*) AS count FROM facetrows GROUP BY type
      UNION ALL SELECT 'verdict', verdict, min("verdictLabel"), count(*) FROM facetrows WHERE verdict IS NOT NULL GROUP BY verdict
      UNION ALL SELECT 'status', status, NULL, count(*) FROM facetrows WHERE status IS NOT NULL GROUP BY status
      UNION ALL SELECT 'reviewer', reviewer, min("reviewerName"), count(*) FROM facetrows WHERE reviewer IS NOT NULL GROUP BY reviewer
      UNION ALL SELECT 'claimant', claimant, NULL, count(*) FROM facetrows WHERE claimant IS NOT NULL GROUP BY claimant
      UNION ALL SELECT 'outlet', outlet, NULL, count(*) FROM facetrows WHERE outlet IS NOT NULL GROUP BY outlet
      UNION ALL SELECT 'month', month, NULL, count(*) FROM facetrows GROUP BY month
    )`;

/** Facet counts are taken over at most this many best hits, so a query matching most of a huge desk still answers quickly. */
export const FACET_BASIS = 2000;

export type FacetRow = { facet: string; value: string | null; label: string | null; count: bigint | number };

const NOTHING = Prisma.sql`SELECT '[]'::json AS page, '[]'::json AS facets`;

/**
 * One page of hits, best first (or newest first without a query), after `after`, with `limit + 1`
 * rows so the caller knows whether there is a next page; and, for a first page, the facet counts
 * of the best FACET_BASIS hits. One statement: the matching rows are found once for both.
 * Answers one row: `page` (HitRow-shaped JSON) and `facets` (FacetRow-shaped JSON, or null).
 */
export function searchSql(
  plan: SearchPlan,
  limit: number,
  after: Keyset | undefined,
  withFacets: boolean,
  matchCap = MATCH_CAP,
): Prisma.Sql {
  const keyType = Prisma.raw(plan.tsquery ? "numeric" : "timestamp(3)");
  const keyset = after
    ? Prisma.sql`(h.key < ${after.key}::${keyType} OR (h.key = ${after.key}::${keyType} AND h.id > ${after.id}))`
    : Prisma.sql`TRUE`;
  // Recent work reads only as many rows of each kind as the page (or the facets) need, past the cursor.
  const cap = plan.tsquery ? matchCap : withFacets ? Math.max(FACET_BASIS, limit + 1) : limit + 1;
  const selects = hitSelects(plan, cap, after);
  if (selects.length === 0) return NOTHING;
  const facets = withFacets
    ? Prisma.sql`, top AS (SELECT * FROM hits h ORDER BY h.key DESC, h.id LIMIT ${FACET_BASIS}), ${FACETS}`
    : Prisma.empty;
  return Prisma.sql`
    WITH ${queryCte(plan)},${plan.tsquery && plan.walk !== false ? Prisma.sql` ${monthsCte(plan)},` : Prisma.empty}
    hits AS MATERIALIZED (${Prisma.join(
      selects.map((select) => Prisma.sql`(${select})`),
      " UNION ALL ",
    )}),
    page AS (SELECT * FROM hits h WHERE ${keyset} ORDER BY h.key DESC, h.id LIMIT ${limit + 1}),
    ${SHOWN}${facets}
    SELECT (SELECT coalesce(json_agg(x ORDER BY x.ordinal), '[]'::json) FROM (${shownSelect(plan)}) x) AS page,
           ${withFacets ? Prisma.sql`(SELECT coalesce(json_agg(f), '[]'::json) FROM facets f)` : Prisma.sql`NULL::json`} AS facets`;
}

export type CandidateRow = {
  kind: "annotation" | "reference";
  id: string;
  articleId: string | null;
  claim: string;
  claimant: string | null;
  verdictKey: string | null;
  verdictLabel: string | null;
  status: AnnotationStatus | null;
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
  rank: number;
};

/**
 * Candidates for "Checked before": the workspace's approved and published checks the actor may
 * see, and its reference checks, whose text shares any of the claim's terms, best text rank
 * first. lib/search/similar.ts scores them (lib/search/terms.ts) and keeps the close ones.
 */
export function similarCandidatesSql(
  visibility: Visibility,
  query: { match: string; rank: string },
  limit: number,
  excludeId?: string,
): Prisma.Sql {
  const parse = (text: string) => Prisma.sql`to_tsquery(factmark_search_config(${visibility.workspaceId}), ${text})`;
  return Prisma.sql`
    WITH q AS MATERIALIZED (SELECT ${parse(query.match)} AS tsq, ${parse(query.rank)} AS rank)
    (SELECT 'annotation'::text AS kind, a.id, a."articleId", a.claim, a.claimant, o.key AS "verdictKey", o.label AS "verdictLabel", a.status::text AS status,
            NULL::text AS publisher, NULL::text AS url, coalesce(a."approvedAt", a."updatedAt") AS "publishedAt", ts_rank(a."searchVector",
              q.rank)::float8 AS rank
     FROM (
       -- The newest MATCH_CAP matches are ranked, as in search.
       SELECT a.* FROM "Annotation" a, q
       WHERE ${visibleAnnotationSql(visibility, "a")} AND a."supersededAt" IS NULL AND a.placement <> 'DISMISSED'
         AND a.status IN ('APPROVED', 'PUBLISHED') AND a."searchVector" @@ q.tsq ${excludeId ? Prisma.sql`AND a.id <> ${excludeId}` : Prisma.empty}
       ORDER BY a."createdAt" DESC, a.id LIMIT ${MATCH_CAP}
     ) a JOIN "VerdictOption" o ON o.id = a."verdictOptionId", q
     ORDER BY rank DESC, a.id LIMIT ${limit})
    UNION ALL
    (SELECT 'reference', r.id, NULL, r.claim, r.claimant, NULL, r."ratingLabel", NULL, r.publisher, r.url, r."datePublished",
      ts_rank(r."searchVector", q.rank)::float8
     FROM "ReferenceCheck" r, q
     WHERE r."workspaceId" = ${visibility.workspaceId} AND r."searchVector" @@ q.tsq
     ORDER BY 12 DESC, r.id LIMIT ${limit})`;
}

/**
 * How common each term group is: the largest share of annotations holding any of its lexemes, from
 * PostgreSQL's own statistics of the index column (pg_stats.most_common_elems, kept by ANALYZE), so
 * it costs a catalog read. A group absent from the result has no lexeme (stop words only). Also the
 * table's estimated row count.
 */
export function termSharesSql(workspaceId: string, groups: string[][]): Prisma.Sql {
  const index = groups.flatMap((g, i) => g.map(() => i));
  const terms = groups.flat();
  return Prisma.sql`
    WITH s AS (
      SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
      FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Annotation' AND attname = 'searchVector'
    )
    SELECT t.i::int AS "group", coalesce(max(s.freqs[array_position(s.elems, l.lexeme)]), 0)::float8 AS share,
           (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = '"Annotation"'::regclass)::float8 AS rows
    FROM unnest(${index}::int[], ${terms}::text[]) AS t(i, term)
    CROSS JOIN LATERAL unnest(to_tsvector(factmark_search_config(${workspaceId}), unaccent('unaccent'::regdictionary, t.term))) AS l
    LEFT JOIN s ON true
    GROUP BY t.i`;
}

/**
 * How common the verdict, status and reviewer filters are: for each filter, the share of
 * annotations holding any of its lexemes (filtersTsquery), from the same statistics as
 * termSharesSql (a value too rare to be listed counts 0). No row when the column has no statistics.
 */
export function filterSharesSql(workspaceId: string, filters: SearchFilters): Prisma.Sql {
  const lexemes: Prisma.Sql[] = [];
  if (filters.verdictKeys)
    lexemes.push(Prisma.sql`(SELECT array_agg('§v' || o.id) FROM "VerdictOption" o JOIN "VerdictScale" sc ON sc.id = o."scaleId"
      WHERE sc."workspaceId" = ${workspaceId} AND o.key IN (${Prisma.join(filters.verdictKeys)}))`);
  if (filters.statuses) lexemes.push(Prisma.sql`${filters.statuses.map((v) => `§s${v}`)}::text[]`);
  if (filters.reviewerIds) lexemes.push(Prisma.sql`${filters.reviewerIds.map((v) => `§r${v}`)}::text[]`);
  const share = (list: Prisma.Sql) =>
    Prisma.sql`(SELECT coalesce(sum(s.freqs[array_position(s.elems, l)]), 0) FROM unnest(${list}) AS l)`;
  return Prisma.sql`
    WITH s AS (
      SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
      FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Annotation' AND attname = 'searchVector'
    )
    SELECT ARRAY[${Prisma.join(lexemes.map(share))}]::float8[] AS shares FROM s`;
}

/** The most common lexeme of the index within trigram similarity 0.4 of `word`'s own lexeme, and its share of annotations. */
export function closestLexemeSql(workspaceId: string, word: string): Prisma.Sql {
  return Prisma.sql`
    WITH w AS (SELECT coalesce((SELECT lexeme 
      FROM unnest(to_tsvector(factmark_search_config(${workspaceId}), unaccent('unaccent'::regdictionary, ${word}))) LIMIT 1), ${word}) AS lexeme)
    SELECT e AS lexeme, f::float8 AS share
    FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(e, f), w
    WHERE s.schemaname = current_schema() AND s.tablename = 'Annotation' AND s.attname = 'searchVector' AND e <> w.lexeme AND e NOT LIKE '§%'
      AND similarity(e, w.lexeme) >= 0.4
    ORDER BY similarity(e, w.lexeme) DESC, e LIMIT 1`;
}
