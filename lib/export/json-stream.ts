/**
 * Writes a JSON document whose big arrays arrive in batches, without holding them: the document is
 * a template in which each array is a named hole, and each hole is filled by an async iterable
 * of batches, or by JSON lines (one item per line, as PostgreSQL streams them). One item per
 * line, so a file is easy to diff and to read with line tools.
 */
const hole = (name: string) => `\u0000${name}\u0000`;

/** A placeholder to put in the template where the array named `name` goes. */
export const arrayHole = (name: string): unknown => hole(name);

/**
 * An array's items as UTF-8 JSON lines, each ended by "\n", in chunks cut anywhere (a chunk may
 * end inside an item or inside a character). `onLines` hears how many items each chunk ended.
 */
export class JsonLines {
  constructor(
    readonly chunks: AsyncIterable<Uint8Array>,
    readonly onLines?: (count: number) => void,
  ) {}
}

/** What a document is written in: text, or bytes passed through as they came. */
export type Chunk = string | Uint8Array;

export async function* streamJson(
  template: object,
  arrays: Record<string, AsyncIterable<unknown[]> | JsonLines>,
): AsyncGenerator<Chunk> {
  let rest = JSON.stringify(template);
  for (;;) {
    const match = /"\\u0000([^\\]+)\\u0000"/.exec(rest);
    if (!match) break;
    yield rest.slice(0, match.index) + "[";
    rest = rest.slice(match.index + match[0].length);
    const items = arrays[match[1]];
    const any = yield* items instanceof JsonLines ? joinLines(items) : joinBatches(items);
    yield any ? "\n]" : "]";
  }
  yield rest + "\n";
}

/** Batches' items, one a line: "\n" before the first, ",\n" between. Answers whether there was any. */
async function* joinBatches(batches: AsyncIterable<unknown[]>): AsyncGenerator<Chunk, boolean> {
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? "\n" : ",\n") + batch.map((item) => JSON.stringify(item)).join(",\n");
    first = false;
  }
  return !first;
}

const NEWLINE = 10;
const FIRST = Buffer.from("\n");
const NEXT = Buffer.from(",\n");

/**
 * The same layout from JSON lines, byte for byte: each line's end becomes the separator before
 * the next item, and the last one is dropped. Works on bytes, so a chunk cut inside a character
 * passes through intact.
 */
async function* joinLines(lines: JsonLines): AsyncGenerator<Chunk, boolean> {
  let started = 0;
  let atLineStart = true;
  for await (const chunk of lines.chunks) {
    const parts: Uint8Array[] = [];
    let ended = 0;
    for (let from = 0; from < chunk.length;) {
      if (atLineStart) parts.push(started++ === 0 ? FIRST : NEXT);
      const end = chunk.indexOf(NEWLINE, from);
      atLineStart = end !== -1;
      parts.push(chunk.subarray(from, atLineStart ? end : chunk.length));
      if (!atLineStart) break;
      ended++;
      from = end + 1;
    }
    if (parts.length) yield Buffer.concat(parts);
    if (ended) lines.onLines?.(ended);
  }
  return started > 0;
}
