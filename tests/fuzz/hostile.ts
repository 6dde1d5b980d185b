// Arbitraries for hostile input: what the audit's fuzzing found 500s with, and more of its kind.
import fc from "fast-check";

/** Any UTF-16 code unit, lone surrogates included (fast-check's own string units never split a pair). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Values that broke, or nearly broke, some parser or column: dates, numbers as text, encodings, markup. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFF",
  "\uDBFF\uDBFF",
  "\u202Eevil\u202C",
  "\u200F\u200E",
  "\uFEFF",
  "\u00A0",
  "0000-01-01",
  "9999-12-31",
  "10000-01-01",
  "2026-02-30",
  "2025-02-29",
  "2026-13-01",
  "+02026-01-01",
  "2026-11-01T25:00:00Z",
  "2147483647",
  "2147483648",
  "-2147483649",
  "1e309",
  "-0",
  "0x10",
  "NaN",
  "Infinity",
  "9".repeat(40),
  "%",
  "%E0%A4%A",
  "%zz",
  "%00",
  "../../etc/passwd",
  "javascript:alert(1)",
  "data:text/html,x",
  "https://x.example/\u0000",
  "<script>alert(1)</script>",
  "<div>".repeat(200),
  ">".repeat(200) + " a",
  "*a".repeat(500),
  "DRAFT",
  "APPROVED",
  "native",
  "w3c",
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((n) => "a".repeat(n)) },
);

/** Numbers at the edges of int4, safe integers and doubles (JSON turns NaN and ±Infinity into null). */
export const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    0.5,
    1e-7,
    1e21,
  ),
  fc.integer(),
  fc.double(),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    edgeNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A JSON request body as text: a valid one with one field made hostile, the route's fields all hostile, any JSON, or not JSON at all. */
export function hostileBody(fields: string[], valid: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const someFields = fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] });
  const arbitraries: fc.Arbitrary<string>[] = [
    someFields.map((body) => JSON.stringify(body)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constantFrom(
      "[".repeat(60_000) + "]".repeat(60_000),
      `{"a":${"[".repeat(65)}${"]".repeat(65)}}`,
      '{"body":"\\ud800"}',
      '{"claim":"\\u0000"}',
      "{",
      "null",
      '"text"',
      "1e999",
    ),
    fc.string({ unit: anyCodeUnit, maxLength: 30 }),
  ];
  if (valid) {
    const oneField = fc
      .tuple(fc.constantFrom(...fields), hostileValue)
      .map(([field, value]) => JSON.stringify({ ...valid, [field]: value }));
    arbitraries.unshift(oneField, oneField);
  }
  return fc.oneof(...arbitraries);
}

/** Query text: the route's parameters with hostile values, some sent raw so percent-encoding can be broken (surrogates cannot travel in a URL). */
export function hostileQuery(params: string[]): fc.Arbitrary<string> {
  const pair = fc
    .tuple(fc.constantFrom(...params), hostileString, fc.boolean())
    .map(
      ([name, value, raw]) =>
        `${name}=${raw ? value.replace(/[#&\s]/g, "") : encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`,
    );
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join("&"));
}

/** A path segment to put where an id or number goes. */
export const hostileSegment = fc.oneof(
  fc.constantFrom(
    "2147483648",
    "-1",
    "0",
    "1e3",
    "%",
    "%E0%A4%A",
    "%00",
    "%ZZ",
    "..",
    "%2F",
    "c".repeat(41),
    "a".repeat(5_000),
    "%F0%9F%91%8B",
    "%ED%A0%80",
  ),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
