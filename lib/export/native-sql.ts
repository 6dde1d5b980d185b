import { visibleAnnotationSql, visibleWorkSql } from "../access/visibility";
import { copyOut, type StatementSettings } from "../db/copy-out";
import { Prisma } from "../db/generated/client";
import { inlineSql } from "../db/inline-sql";
import { isoTimestampSql } from "../db/json-text";
import type { RatingBounds } from "./native";
import { selectionSql, type Selection } from "./query";

// Each value below is JSON text that is never SQL null: format() would write a null as nothing.
// The plain forms are for columns that are NOT NULL in schema.prisma (or guarded by a CASE), so
// they skip a COALESCE per value; the `maybe` forms write a null as `null`.

/** A string as JSON text, through to_json (PostgreSQL's escaping, the same as JSON.stringify's). */
const str = (column: string) => `to_json(${column})::text`;
const maybeStr = (column: string) => `COALESCE(${str(column)}, 'null')`;
/**
 * An id as JSON text: ids are made by cuid() (schema.prisma) or newId (lib/db/ids.ts), of lower-case
 * letters and digits, which JSON writes without escapes, so quoting is all they need: no to_json
 * call for each of the several ids of every annotation and note (issue #15 item 4).
 */
const id = (column: string): Piece[] => [{ json: '"' }, column, { json: '"' }];
/** An integer as JSON text (a number is written as JSON.stringify writes it). */
const int = (column: string) => `${column}::text`;
const maybeInt = (column: string) => `COALESCE(${int(column)}, 'null')`;
/** A timestamp as Date.prototype.toISOString writes it, its quotes written as constants. */
const iso = (column: string): Piece[] => [{ json: '"' }, isoTimestampSql(column).sql, { json: '"' }];
/**
 * An enum column as JSON text: its labels are upper-case identifiers (schema.prisma), which JSON
 * writes without escapes, so quoting is all it needs.
 */
const label = (column: string): Piece[] => [{ json: '"' }, `${column}::text`, { json: '"' }];

/**
 * A JSON object as SQL text: the keys, in the order given, are constants; each value is an SQL
 * expression that yields JSON text, never null (str, int, iso, label, or a nested object).
 */
function object(fields: Field[]): string {
  return format(inline(fields));
}

/** An object's pieces, to write it inside its parent's format() call when it is never null. */
function inline(fields: Field[]): Piece[] {
  return [...members(fields), { json: "}" }];
}

/** A piece of JSON text: constant text, or an SQL expression that yields it. */
type Piece = string | { json: string };
/** An object member: its key and its value's pieces. */
type Field = [key: string, value: string | Piece[]];

/** An object's opening brace and members, without its closing brace (more members are spliced on after). */
function members(fields: Field[]): Piece[] {
  return fields.flatMap(([key, value], i) => [{ json: `${i === 0 ? "{" : ","}${JSON.stringify(key)}:` }, value].flat());
}

/**
 * The pieces joined, as one format() call: the constants are written into its format string and
 * each expression is a `%s`. Cheaper than concat(), which looks up the output function of every
 * argument on every call, constants included, where format() looks it up once per call while
 * the arguments' type stays text (issue #15 item 4). At most 99 expressions (FUNC_MAX_ARGS).
 */
function format(pieces: Piece[]): string {
  const values = pieces.filter((piece): piece is string => typeof piece === "string");
  if (values.length > 99) throw new Error(`format() takes at most 99 values, not ${values.length}`);
  const text = pieces.map((piece) => (typeof piece === "string" ? "%s" : piece.json.replaceAll("%", "%%"))).join("");
  return `format(${sqlText(text)}${values.map((value) => `, ${value}`).join("")})`;
}

/** Text as an SQL string constant (standard_conforming_strings, as PostgreSQL has by default). */
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * personOf (lib/export/native.ts) in SQL: an imported name alone, else the member's object
 * (`member`, a people.json column: peopleSql).
 */
function person(member: string, imported: string): string {
  return imported === "NULL"
    ? member
    : `CASE WHEN ${imported} IS NOT NULL THEN ${object([["name", str(imported)]])} ELSE ${member} END`;
}

/**
 * Every user's object as personOf writes a member (their name, and their email for an admin),
 * built once per user rather than once per annotation, note and review that names them: a
 * third of the to_json calls of a note. Its ORDER BY keeps the JSON in this subquery (as the
 * verdicts'), computed for the whole table, which holds people, not annotations.
 */
function peopleSql(withEmails: boolean): string {
  const member = object([["name", str("u.name")], ...(withEmails ? [["email", str("u.email")] as Field] : [])]);
  return `(SELECT u.id, ${member} AS json FROM "User" u ORDER BY u.id)`;
}

/** The annotation's own columns that its JSON needs, carried from each part to the final projection. */
const ANNOTATION_COLUMNS = [
  "id",
  "articleId",
  "revisionId",
  "start",
  "end",
  "quote",
  "prefix",
  "suffix",
  "claim",
  "claimant",
  "rationale",
  "status",
  "correctsId",
  "correctionNote",
  "importedAuthor",
  "createdAt",
  "updatedAt",
];

/**
 * Part `k` of `parts` of the annotations, by a hash of the id: parts of about the same size whose
 * rows interleave in any order of the annotations. Written as inequalities, which the planner
 * estimates at a third of the rows each (it has no statistics on the hash), where `= k` on a
 * modulus would be estimated at 0.5% and planned as if the part were tiny.
 */
function partSql(k: number, parts: number): Prisma.Sql {
  const bound = (i: number) => Math.round(-(2 ** 31) + (i * 2 ** 32) / parts);
  const conditions = [
    ...(k > 0 ? [`hashtext(a.id) >= ${bound(k)}`] : []),
    ...(k < parts - 1 ? [`hashtext(a.id) < ${bound(k + 1)}`] : []),
  ];
  return Prisma.raw(`(${conditions.join(" AND ")})`);
}

/**
 * The native (factmark.v1) annotations of a selection as one statement that yields, per
 * annotation and in the export's order (article, start, id), the exact text that
 * JSON.stringify(toNativeAnnotation(row)) would give (lib/export/native.ts stays the reference,
 * and tests compare the two byte for byte). Each object is written by concatenating its keys with
 * its values' JSON (to_json of each string, which escapes as JSON.stringify does; ids and enum
 * labels, which need no escapes, are only quoted): about a third
 * less of PostgreSQL's time than to_json of a row per object, which looks up the row's type and
 * every column's output function per call (issue #15 item 4). Timestamps are written as
 * toISOString writes them; the verdict's object is built once per option and each person's once
 * per user (peopleSql), not per annotation.
 *
 * Set-based, for speed at 100,000 annotations: sources, notes and reviews are each aggregated
 * once for the whole selection or part (a hash join over their table for a large one, an index
 * lookup per annotation for a few: the planner chooses) instead of by a correlated subquery per
 * annotation, and their lists are spliced into the annotation's text rather than parsed back as json. Notes
 * and reviews follow the visibility rule (visibleWorkSql): the people hidden from the exporter on
 * the annotation's article lose their notes and review decisions. Notes and reviews written at
 * the same instant (a bulk import) keep the order they were written in (ctid), as Prisma's index
 * scan on (annotationId, createdAt) gave them.
 *
 * With `parts` above 1 the selection is split by a hash of the annotation's id into that many
 * disjoint parts, each joined and aggregated on its own (a UNION ALL), so that PostgreSQL's
 * parallel workers can take one part each (parallelSettings): every part interleaves with the
 * others in the export's order, so the workers' sorted streams merge (Gather Merge) while all of
 * them keep working, and each builds its own rows' JSON after its sort. The rows are the same.
 * Nothing in a part may be correlated (a subquery that reads the row it is in): PostgreSQL 15
 * runs those only in the leader, and the whole statement would be planned without workers.
 */
export function nativeAnnotationsSql(
  selection: Selection,
  bounds: RatingBounds,
  withEmails: boolean,
  parts = 1,
): Prisma.Sql {
  const v = selection.visibility;
  const raw = Prisma.raw;
  // One list per annotation: its items' JSON joined with ',' (the brackets are added where it is spliced in).
  const list = (item: string, order: string) => raw(`string_agg(${item}, ',' ORDER BY ${order})`);
  const source = object([
    ["url", str("s.url")],
    ["title", maybeStr("s.title")],
    ["publisher", maybeStr("s.publisher")],
    ["excerpt", maybeStr("s.excerpt")],
    ["archiveUrl", maybeStr('s."archiveUrl"')],
    ["accessedAt", `COALESCE('"' || to_char(s."accessedAt", 'YYYY-MM-DD') || '"', 'null')`],
  ]);
  const note = object([
    ["id", id("n.id")],
    ["parentId", maybeStr('n."parentId"')],
    ["author", person("nu.json", 'n."importedAuthor"')],
    ["body", `CASE WHEN n."deletedAt" IS NULL THEN ${str("n.body")} ELSE 'null' END`],
    ["createdAt", iso('n."createdAt"')],
    ["updatedAt", iso('n."updatedAt"')],
  ]);
  const review = object([
    ["fromStatus", label('r."fromStatus"')],
    ["toStatus", label('r."toStatus"')],
    ["comment", maybeStr("r.comment")],
    ["editor", person("ru.json", "NULL")],
    ["createdAt", iso('r."createdAt"')],
  ]);
  // The scale's bounds are the export's, the same for every option: written once, as JSON.stringify writes them.
  const verdictTail = `,"worstRating":${JSON.stringify(bounds.worstRating)},"bestRating":${JSON.stringify(bounds.bestRating)}}`;
  const people = peopleSql(withEmails);
  const verdict = format([
    ...members([
      ["key", str("o.key")],
      ["label", str("o.label")],
      ["rating", maybeInt("o.rating")],
    ]),
    { json: verdictTail },
  ]);

  /** The selected annotations of part `k`, and each one's lists, verdict and people: the final projection's input. */
  const part = (k: number) => {
    const selected =
      parts === 1 ? selectionSql(selection) : Prisma.sql`${selectionSql(selection)} AND ${partSql(k, parts)}`;
    return Prisma.sql`
    SELECT ${raw(ANNOTATION_COLUMNS.map((column) => `a."${column}"`).join(", "))},
      verdicts.json AS "verdictJson", u.json AS "authorJson", rc.url AS "referenceUrl",
      reused.id AS "reusedId", sources.list AS "sourceList", notes.list AS "noteList", reviews.list AS "reviewList"
    FROM "Annotation" a
    -- Its ORDER BY keeps the verdict's JSON in this subquery, built once per option, not per annotation (a
    -- CTE scan or an OFFSET 0 would do that too, but keep the statement out of parallel workers).
    JOIN (SELECT o.id, ${raw(verdict)} AS json FROM "VerdictOption" o ORDER BY o.id) verdicts ON verdicts.id = a."verdictOptionId"
    JOIN ${raw(people)} u ON u.id = a."authorId"
    LEFT JOIN "ReferenceCheck" rc ON rc.id = a."reusedFromReferenceId"
    LEFT JOIN (
      SELECT s."annotationId" AS id, ${list(source, "s.position")} AS list
      FROM "Annotation" a JOIN "Source" s ON s."annotationId" = a.id
      WHERE ${selected}
      GROUP BY 1
    ) sources ON sources.id = a.id
    LEFT JOIN (
      SELECT n."annotationId" AS id, ${list(note, 'n."createdAt", n.ctid')} AS list
      FROM "Annotation" a JOIN "Note" n ON n."annotationId" = a.id JOIN ${raw(people)} nu ON nu.id = n."authorId"
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'n."authorId"')}
        -- A deleted note stays (without its body) while a reply the exporter may see hangs from it. Not
        -- correlated (a correlated subquery would keep the statement out of parallel workers): the
        -- workspace's live replies, read only if a deleted note is met.
        AND (n."deletedAt" IS NULL OR (n.id, n."annotationId") IN (SELECT r."parentId", r."annotationId"
          FROM "Note" r JOIN "Annotation" ra ON ra.id = r."annotationId"
          WHERE ra."workspaceId" = ${selection.workspaceId} AND r."deletedAt" IS NULL
            AND ${visibleWorkSql(v, 'ra."articleId"', 'r."authorId"')}))
      GROUP BY 1
    ) notes ON notes.id = a.id
    LEFT JOIN (
      SELECT r."annotationId" AS id, ${list(review, 'r."createdAt", r.ctid')} AS list
      FROM "Annotation" a JOIN "Review" r ON r."annotationId" = a.id JOIN ${raw(people)} ru ON ru.id = r."editorId"
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'r."editorId"')}
      GROUP BY 1
    ) reviews ON reviews.id = a.id
    -- The reused check is named only when the exporter may see it (a blind hides it), by the rule the
    -- reference applies (visibleReusedFromId); a join, where a correlated subquery would keep the
    -- statement out of parallel workers, over only the annotations some check reused (an index
    -- scan), not a hash of the whole workspace's.
    LEFT JOIN (
      SELECT x.id FROM "Annotation" x
      WHERE x.id IN (SELECT r."reusedFromId" FROM "Annotation" r WHERE r."reusedFromId" IS NOT NULL)
        AND ${visibleAnnotationSql(v, "x")}
    ) reused ON reused.id = a."reusedFromId"
    WHERE ${selected}`;
  };

  // Every key before "sources", in toNativeAnnotation's order; the rest is spliced on below.
  const head = members([
    ["id", id("a.id")],
    ["articleId", id('a."articleId"')],
    ["revisionId", id('a."revisionId"')],
    [
      "anchor",
      inline([
        ["start", int("a.start")],
        ["end", int('a."end"')],
        ["quote", str("a.quote")],
        ["prefix", str("a.prefix")],
        ["suffix", str("a.suffix")],
      ]),
    ],
    ["claim", str("a.claim")],
    ["claimant", maybeStr("a.claimant")],
    ["verdict", 'a."verdictJson"'],
    ["rationale", maybeStr("a.rationale")],
    ["status", label("a.status")],
    [
      "correction",
      `CASE WHEN a."correctsId" IS NULL THEN 'null' ELSE ${object([
        ["corrects", id('a."correctsId"')],
        ["note", str(`COALESCE(a."correctionNote", '')`)],
      ])} END`,
    ],
    [
      "reusedFrom",
      `CASE WHEN a."reusedId" IS NULL AND a."referenceUrl" IS NULL THEN 'null' ELSE ${object([
        ["annotationId", maybeStr('a."reusedId"')],
        ["referenceUrl", maybeStr('a."referenceUrl"')],
      ])} END`,
    ],
    ["author", person('a."authorJson"', 'a."importedAuthor"')],
  ]);
  const partsSql = Prisma.join(
    Array.from({ length: parts }, (_, k) => part(k)),
    " UNION ALL ",
  );
  return Prisma.sql`
    SELECT ${raw(
      format([
        ...head,
        { json: ',"sources":[' },
        `COALESCE(a."sourceList", '')`,
        { json: '],"notes":[' },
        `COALESCE(a."noteList", '')`,
        { json: '],"reviews":[' },
        `COALESCE(a."reviewList", '')`,
        { json: '],"createdAt":' },
        ...iso('a."createdAt"'),
        { json: ',"updatedAt":' },
        ...iso('a."updatedAt"'),
        { json: "}" },
      ]),
    )} AS json
    FROM (${partsSql}) a
    ORDER BY a."articleId", a.start, a.id
    -- A LIMIT (any constant) lets the planner build each row's JSON after the sort rather than
    -- before it (make_sort_input_target postpones costly expressions only under one), so the rows
    -- are sorted by their columns, not as 100 MB of JSON spilled to disk: about a fifth of the time.
    -- Under a Gather Merge it is built in the parallel workers, after each one's sort.
    LIMIT ${raw(String(2n ** 63n - 1n))}`;
}

// CSV with a delimiter and a quote character that JSON text never holds raw (to_json escapes every
// control character), so no value is ever quoted: each line is one annotation's JSON, unchanged.
const JSON_LINES = `WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

/**
 * Settings for a statement of several parts (nativeAnnotationsSql): a parallel plan however the
 * server's costs are tuned, one worker per part (a Parallel Append of the parts below a Gather
 * Merge). No table is scanned in parallel within a part: that needs a Gather of its own inside
 * the part, which the planner costs below the parts' plan and which keeps the parts (and the JSON)
 * in the leader. The leader only merges the workers' rows and writes them out: were it to take a
 * part too, the merge would wait on the leader's own part. Workers come from the server's pool
 * (max_parallel_workers, max_worker_processes: 8 by default, no restart needed); with fewer free,
 * the parts run in fewer processes and the rows are the same.
 */
export function parallelSettings(parts: number): StatementSettings {
  return {
    max_parallel_workers_per_gather: String(parts),
    parallel_setup_cost: "0",
    parallel_tuple_cost: "0",
    parallel_leader_participation: "off",
    min_parallel_table_scan_size: "1TB",
    min_parallel_index_scan_size: "1TB",
  };
}

/** Below this many annotations one process builds them: starting workers would cost more than it saves. */
const PARALLEL_FROM = 10_000;
/** Parts for a large export: one per worker, as many as the 2-core machines it runs on have cores. */
const PARALLEL_PARTS = 2;

/** How many parts (and parallel workers) an export of `total` annotations is built in. */
export const partsFor = (total: number) => (total >= PARALLEL_FROM ? PARALLEL_PARTS : 1);

/**
 * The selection's native annotations as JSON lines (one annotation per line, UTF-8), streamed
 * from PostgreSQL by COPY as the consumer reads them: the statement is planned and run once, no
 * row is decoded in Node, and memory stays flat however large the export (issue #15 item 4).
 * Built in `parts` parallel parts (partsFor).
 */
export function nativeAnnotationLines(
  selection: Selection,
  bounds: RatingBounds,
  withEmails: boolean,
  parts = 1,
): AsyncGenerator<Uint8Array> {
  return copyOut(
    inlineSql(nativeAnnotationsSql(selection, bounds, withEmails, parts)),
    JSON_LINES,
    parts > 1 ? parallelSettings(parts) : {},
  );
}
