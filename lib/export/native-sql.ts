import { visibleReusedFromSql, visibleWorkSql } from "../access/visibility";
import { copyOut } from "../db/copy-out";
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

/** personOf (lib/export/native.ts) in SQL: an imported name alone, else the member's name, and their email for an admin. */
function person(user: string, imported: string, withEmails: boolean): string {
  const member = object([
    ["name", str(`${user}.name`)],
    ...(withEmails ? [["email", str(`${user}.email`)] as Field] : []),
  ]);
  return imported === "NULL"
    ? member
    : `CASE WHEN ${imported} IS NOT NULL THEN ${object([["name", str(imported)]])} ELSE ${member} END`;
}

/**
 * The native (factmark.v1) annotations of a selection as one statement that yields, per
 * annotation and in the export's order (article, start, id), the exact text that
 * JSON.stringify(toNativeAnnotation(row)) would give (lib/export/native.ts stays the reference,
 * and tests compare the two byte for byte). Each object is written by concatenating its keys with
 * its values' JSON (to_json of each string, which escapes as JSON.stringify does): about a third
 * less of PostgreSQL's time than to_json of a row per object, which looks up the row's type and
 * every column's output function per call (issue #15 item 4). Timestamps are written as
 * toISOString writes them; the verdict's object is built once per option, not per annotation.
 *
 * Set-based, for speed at 100,000 annotations: sources, notes and reviews are each aggregated
 * once for the whole selection (a hash join over their table for a large one, an index lookup per
 * annotation for a few: the planner chooses) instead of by a correlated subquery per annotation,
 * and their lists are spliced into the annotation's text rather than parsed back as json. Notes
 * and reviews follow the visibility rule (visibleWorkSql): the people hidden from the exporter on
 * the annotation's article lose their notes and review decisions. Notes and reviews written at
 * the same instant (a bulk import) keep the order they were written in (ctid), as Prisma's index
 * scan on (annotationId, createdAt) gave them.
 */
export function nativeAnnotationsSql(selection: Selection, bounds: RatingBounds, withEmails: boolean): Prisma.Sql {
  const v = selection.visibility;
  const selected = selectionSql(selection);
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
    ["id", str("n.id")],
    ["parentId", maybeStr('n."parentId"')],
    ["author", person("nu", 'n."importedAuthor"', withEmails)],
    ["body", `CASE WHEN n."deletedAt" IS NULL THEN ${str("n.body")} ELSE 'null' END`],
    ["createdAt", iso('n."createdAt"')],
    ["updatedAt", iso('n."updatedAt"')],
  ]);
  const review = object([
    ["fromStatus", label('r."fromStatus"')],
    ["toStatus", label('r."toStatus"')],
    ["comment", maybeStr("r.comment")],
    ["editor", person("ru", "NULL", withEmails)],
    ["createdAt", iso('r."createdAt"')],
  ]);
  // The scale's bounds are the export's, the same for every option: written once, as JSON.stringify writes them.
  const verdictTail = `,"worstRating":${JSON.stringify(bounds.worstRating)},"bestRating":${JSON.stringify(bounds.bestRating)}}`;
  const verdict = format([
    ...members([
      ["key", str("o.key")],
      ["label", str("o.label")],
      ["rating", maybeInt("o.rating")],
    ]),
    { json: verdictTail },
  ]);
  // Every key before "sources", in toNativeAnnotation's order; the rest is spliced on below.
  const head = members([
    ["id", str("a.id")],
    ["articleId", str('a."articleId"')],
    ["revisionId", str('a."revisionId"')],
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
    ["verdict", "verdicts.json"],
    ["rationale", maybeStr("a.rationale")],
    ["status", label("a.status")],
    [
      "correction",
      `CASE WHEN a."correctsId" IS NULL THEN 'null' ELSE ${object([
        ["corrects", str('a."correctsId"')],
        ["note", str(`COALESCE(a."correctionNote", '')`)],
      ])} END`,
    ],
    [
      "reusedFrom",
      `CASE WHEN reused.id IS NULL AND rc.url IS NULL THEN 'null' ELSE ${object([
        ["annotationId", maybeStr("reused.id")],
        ["referenceUrl", maybeStr("rc.url")],
      ])} END`,
    ],
    ["author", person("u", 'a."importedAuthor"', withEmails)],
  ]);
  return Prisma.sql`
    WITH sources AS (
      SELECT s."annotationId" AS id, ${list(source, "s.position")} AS list
      FROM "Annotation" a JOIN "Source" s ON s."annotationId" = a.id
      WHERE ${selected}
      GROUP BY 1
    ), notes AS (
      SELECT n."annotationId" AS id, ${list(note, 'n."createdAt", n.ctid')} AS list
      FROM "Annotation" a JOIN "Note" n ON n."annotationId" = a.id JOIN "User" nu ON nu.id = n."authorId"
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'n."authorId"')}
        -- A deleted note stays (without its body) while a reply the exporter may see hangs from it.
        AND (n."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Note" r WHERE r."parentId" = n.id AND r."annotationId" = a.id AND r."deletedAt" IS NULL
          AND ${visibleWorkSql(v, 'a."articleId"', 'r."authorId"')}))
      GROUP BY 1
    ), reviews AS (
      SELECT r."annotationId" AS id, ${list(review, 'r."createdAt", r.ctid')} AS list
      FROM "Annotation" a JOIN "Review" r ON r."annotationId" = a.id JOIN "User" ru ON ru.id = r."editorId"
      WHERE ${selected} AND ${visibleWorkSql(v, 'a."articleId"', 'r."editorId"')}
      GROUP BY 1
    ), verdicts AS MATERIALIZED (
      SELECT o.id, ${raw(verdict)} AS json
      FROM "VerdictOption" o
    )
    SELECT ${raw(
      format([
        ...head,
        { json: ',"sources":[' },
        "COALESCE(sources.list, '')",
        { json: '],"notes":[' },
        "COALESCE(notes.list, '')",
        { json: '],"reviews":[' },
        "COALESCE(reviews.list, '')",
        { json: '],"createdAt":' },
        ...iso('a."createdAt"'),
        { json: ',"updatedAt":' },
        ...iso('a."updatedAt"'),
        { json: "}" },
      ]),
    )} AS json
    FROM "Annotation" a
    JOIN verdicts ON verdicts.id = a."verdictOptionId"
    JOIN "User" u ON u.id = a."authorId"
    LEFT JOIN "ReferenceCheck" rc ON rc.id = a."reusedFromReferenceId"
    LEFT JOIN sources ON sources.id = a.id
    LEFT JOIN notes ON notes.id = a.id
    LEFT JOIN reviews ON reviews.id = a.id,
    -- The reused check is named only when the exporter may see it (a blind hides it); most reused nothing.
    LATERAL (SELECT CASE WHEN a."reusedFromId" IS NULL THEN NULL ELSE ${visibleReusedFromSql(v, "a")} END AS id) reused
    WHERE ${selected}
    ORDER BY a."articleId", a.start, a.id
    -- A LIMIT (any constant) lets the planner build each row's JSON after the sort rather than
    -- before it (make_sort_input_target postpones costly expressions only under one), so the rows
    -- are sorted by their columns, not as 100 MB of JSON spilled to disk: about a fifth of the time.
    LIMIT ${raw(String(2n ** 63n - 1n))}`;
}

// CSV with a delimiter and a quote character that JSON text never holds raw (to_json escapes every
// control character), so no value is ever quoted: each line is one annotation's JSON, unchanged.
const JSON_LINES = `WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

/**
 * The selection's native annotations as JSON lines (one annotation per line, UTF-8), streamed
 * from PostgreSQL by COPY as the consumer reads them: the statement is planned and run once, no
 * row is decoded in Node, and memory stays flat however large the export (issue #15 item 4).
 */
export function nativeAnnotationLines(
  selection: Selection,
  bounds: RatingBounds,
  withEmails: boolean,
): AsyncGenerator<Uint8Array> {
  return copyOut(inlineSql(nativeAnnotationsSql(selection, bounds, withEmails)), JSON_LINES);
}
