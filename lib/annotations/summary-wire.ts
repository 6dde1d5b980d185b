import type { AnnotationSummary } from "./view";

/**
 * The article page's annotation summaries as one JSON text (#15): a table of the verdicts and the
 * people they name, and one array per annotation that points into it. React's server payload
 * writes a list of objects field by field, each string examined on the way in and out, and it is
 * inlined in the page's HTML: for 2,000 annotations that was 600 KB the server serialised while
 * the page's scripts waited to be served, and the browser parsed before it ran them. As one
 * string it is under half the size, written by JSON.stringify and read by JSON.parse.
 * Pure and client-safe: the server packs, the page unpacks.
 */
export type PackedSummaries = string & { readonly packedSummaries: unique symbol };

type Person = AnnotationSummary["author"];
type Row = [
  id: string,
  start: number,
  end: number,
  claim: string,
  verdict: number,
  author: number,
  status: AnnotationSummary["status"],
  placement: AnnotationSummary["placement"],
  version: number,
  noteCount: number,
  /** An index into the people, or -1 when the annotation corrects nothing. */
  correctedFrom: number,
];
type Packed = { verdicts: AnnotationSummary["verdict"][]; people: Person[]; rows: Row[] };

/** The values seen, each once, and where each one sits. */
class Table<T> {
  readonly values: T[] = [];
  private readonly at = new Map<string, number>();
  indexOf(value: T): number {
    const key = JSON.stringify(value);
    let index = this.at.get(key);
    if (index === undefined) this.at.set(key, (index = this.values.push(value) - 1));
    return index;
  }
}

export function packSummaries(summaries: AnnotationSummary[]): PackedSummaries {
  const verdicts = new Table<AnnotationSummary["verdict"]>();
  const people = new Table<Person>();
  const rows = summaries.map((s): Row => [
    s.id,
    s.start,
    s.end,
    s.claim,
    verdicts.indexOf(s.verdict),
    people.indexOf(s.author),
    s.status,
    s.placement,
    s.version,
    s.noteCount,
    s.correctedFrom ? people.indexOf(s.correctedFrom) : -1,
  ]);
  const packed: Packed = { verdicts: verdicts.values, people: people.values, rows };
  return JSON.stringify(packed) as PackedSummaries;
}

/** The summaries again, in the same order; annotations with the same verdict or person share its object. */
export function unpackSummaries(text: PackedSummaries): AnnotationSummary[] {
  const { verdicts, people, rows } = JSON.parse(text) as Packed;
  return rows.map(([id, start, end, claim, verdict, author, status, placement, version, noteCount, correctedFrom]) => ({
    id,
    start,
    end,
    claim,
    verdict: verdicts[verdict],
    status,
    placement,
    author: people[author],
    version,
    noteCount,
    correctedFrom: correctedFrom < 0 ? null : people[correctedFrom],
  }));
}
