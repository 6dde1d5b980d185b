/**
 * Writes a JSON document whose big arrays arrive in batches, without holding them: the document is
 * a template in which each array is a named hole, and each hole is filled by an async iterable
 * of batches. One item per line, so a file is easy to diff and to read with line tools.
 */
const hole = (name: string) => `\u0000${name}\u0000`;

/** A placeholder to put in the template where the array named `name` goes. */
export const arrayHole = (name: string): unknown => hole(name);

/** An item that is JSON text already (assembled by PostgreSQL): written as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

const serialize = (item: unknown) => (item instanceof RawJson ? item.text : JSON.stringify(item));

export async function* streamJson(
  template: object,
  arrays: Record<string, AsyncIterable<unknown[]>>,
): AsyncGenerator<string> {
  let rest = JSON.stringify(template);
  for (;;) {
    const match = /"\\u0000([^\\]+)\\u0000"/.exec(rest);
    if (!match) break;
    yield rest.slice(0, match.index) + "[";
    rest = rest.slice(match.index + match[0].length);
    let first = true;
    for await (const batch of arrays[match[1]]) {
      if (batch.length === 0) continue;
      yield (first ? "\n" : ",\n") + batch.map(serialize).join(",\n");
      first = false;
    }
    yield first ? "]" : "\n]";
  }
  yield rest + "\n";
}
