import { z } from "zod";

/**
 * A stream position is a PostgreSQL snapshot (`pg_current_snapshot()`), not an event id: event ids
 * come from a sequence, so a transaction that commits late can hold ids below ones a client already
 * saw, and "id > last seen" would skip it. A snapshot says exactly which transactions' events a
 * client has: those whose `txid` is visible in it. Pure, so the fan-out and the tests share it.
 */
export type Snapshot = { xmin: bigint; xmax: bigint; xip: bigint[] };

/** Snapshots with more transactions in progress than this are refused as positions (PostgreSQL's own bound is max_connections). */
const MAX_IN_PROGRESS = 4_096;

/** Whether a transaction's work is visible in the snapshot (PostgreSQL's `pg_visible_in_snapshot`, for committed transactions). */
export function isVisibleIn(txid: bigint, snapshot: Snapshot): boolean {
  if (txid < snapshot.xmin) return true;
  if (txid >= snapshot.xmax) return false;
  return !snapshot.xip.includes(txid);
}

/**
 * Whether `newer` sees everything `older` sees. Two snapshots of one server are always ordered in
 * time, and a later one covers an earlier one; this answers which is which without a clock.
 */
export function covers(newer: Snapshot, older: Snapshot): boolean {
  return older.xmax <= newer.xmax && newer.xip.every((txid) => !isVisibleIn(txid, older));
}

/** PostgreSQL's text form, "xmin:xmax:xip,xip", as `pg_current_snapshot()::text` gives it. */
export function parsePgSnapshot(text: string): Snapshot {
  const match = /^(\d+):(\d+):([\d,]*)$/.exec(text);
  if (!match) throw new Error(`not a snapshot: ${text}`);
  return {
    xmin: BigInt(match[1]),
    xmax: BigInt(match[2]),
    xip: match[3] ? match[3].split(",").map((x) => BigInt(x)) : [],
  };
}

export const pgSnapshotText = (s: Snapshot): string => `${s.xmin}:${s.xmax}:${s.xip.join(",")}`;

/**
 * The compact form a client holds (the SSE `id:` it echoes as Last-Event-ID, the page's `since`):
 * base-36 numbers joined by dots, xmax and each in-progress id as offsets from xmin, e.g.
 * "2n9c.5.0.3". Only [0-9a-z.], so it is safe in a header and a query string.
 */
export function encodePosition(s: Snapshot): string {
  return [s.xmin, s.xmax - s.xmin, ...s.xip.map((x) => x - s.xmin)].map((n) => n.toString(36)).join(".");
}

const base36 = (part: string): bigint => {
  let n = 0n;
  for (const ch of part) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
};

/** The snapshot a client's position names, or null when it is not one this server could have given. */
export function decodePosition(text: string): Snapshot | null {
  if (text.length > 16 * (MAX_IN_PROGRESS + 2) || !/^[0-9a-z]{1,13}(\.[0-9a-z]{1,13})+$/.test(text)) return null;
  const [xmin, span, ...offsets] = text.split(".").map(base36);
  // xid8 is 64 bits; a transaction id is never 0; in-progress ids are ascending and below xmax.
  const xmax = xmin + span;
  if (xmin < 1n || xmax >= 1n << 63n || offsets.length > MAX_IN_PROGRESS) return null;
  const xip = offsets.map((o) => xmin + o);
  if (xip.some((x, i) => x >= xmax || (i > 0 && x <= xip[i - 1]))) return null;
  return { xmin, xmax, xip };
}

/** A client's position, validated: absent is null; anything that is not a position is refused with a readable message. */
export const positionSchema = z
  .string()
  .transform((text, context) => {
    const snapshot = decodePosition(text);
    if (!snapshot) {
      context.addIssue({ code: "custom", message: "not a stream position (as the stream's ids give it)" });
      return z.NEVER;
    }
    return snapshot;
  })
  .nullable();
