// Issue #15 item 4: the native export is one COPY statement (values written in as literals, since
// COPY takes no parameters) whose JSON lines are joined into the document's array byte for byte.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { inlineSql } from "@/lib/db/inline-sql";
import { arrayHole, JsonLines, streamJson } from "@/lib/export/json-stream";

async function* from(chunks: Uint8Array[]) {
  yield* chunks;
}

async function* batches<T>(list: T[][]) {
  yield* list;
}

async function text(chunks: AsyncIterable<string | Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString("utf8");
}

describe("inlineSql", () => {
  it("writes each value as a literal that cannot end early", () => {
    const hostile = "x' OR 1=1; --\\'";
    const sql = Prisma.sql`SELECT ${hostile}, ${7}, ${-1.5}, ${null}, ${true}, ${new Date("2026-11-01T00:00:00.000Z")}, ${"plain"}`;
    expect(inlineSql(sql)).toBe(
      `SELECT  E'x'' OR 1=1; --\\\\''', (7), (-1.5), NULL, TRUE, '2026-11-01T00:00:00.000Z', 'plain'`,
    );
  });

  it("refuses what it cannot write exactly", () => {
    expect(() => inlineSql(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/finite/);
    expect(() => inlineSql(Prisma.sql`SELECT ${new Date("nope")}`)).toThrow(/invalid date/);
    expect(() => inlineSql(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(/cannot write/);
    expect(() => inlineSql(Prisma.sql`SELECT ${[1, 2]}`)).toThrow(/cannot write/);
  });
});

describe("JSON lines in a streamed document", () => {
  const items = [{ a: "é👋🏽" }, { b: 'quote " and \\ and \u2028' }, { c: [1, 2, { d: null }] }];
  const template = { head: 1, items: arrayHole("items"), tail: "x" };

  it("lays out the array exactly as batches of items do, wherever the chunks are cut", async () => {
    const expected = await text(streamJson(template, { items: batches([items.slice(0, 1), items.slice(1)]) }));
    const bytes = Buffer.from(items.map((item) => `${JSON.stringify(item)}\n`).join(""));
    for (let cut = 1; cut < bytes.length; cut++) {
      const counts: number[] = [];
      const lines = new JsonLines(from([bytes.subarray(0, cut), bytes.subarray(cut)]), (n) => counts.push(n));
      expect(await text(streamJson(template, { items: lines }))).toBe(expected);
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(items.length);
    }
    // One byte at a time, too.
    const single = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(await text(streamJson(template, { items: new JsonLines(from(single)) }))).toBe(expected);
    expect(JSON.parse(expected).items).toEqual(items);
  });

  it("writes an empty array when there are no lines", async () => {
    const expected = await text(streamJson(template, { items: batches([]) }));
    expect(await text(streamJson(template, { items: new JsonLines(from([])) }))).toBe(expected);
    expect(expected).toContain('"items":[]');
  });
});
