import { describe, expect, it } from "vitest";
import { sseEvent, ssePosition, sseRetry } from "@/lib/live/sse";
import {
  covers,
  decodePosition,
  encodePosition,
  isVisibleIn,
  parsePgSnapshot,
  pgSnapshotText,
  positionSchema,
} from "@/lib/live/position";
import { compareFields, resolveFields, type AnnotationFields } from "@/components/annotate/annotation-fields";
import { parseSse } from "../support/sse";

describe("SSE framing", () => {
  it("frames id, event and one line of JSON data that content cannot break", () => {
    const frame = sseEvent({ id: "42", type: "note.created", data: { body: "line one\n\nid: 99\nevent: reset" } });
    expect(frame.split("\n").filter((line) => line.startsWith("data:"))).toHaveLength(1);
    expect(parseSse(frame + sseRetry(3000))).toEqual({
      messages: [{ id: "42", event: "note.created", data: { body: "line one\n\nid: 99\nevent: reset" } }],
      rest: "",
      lastEventId: "42",
    });
  });

  it("moves the resume position with an id-only frame that dispatches nothing", () => {
    const parsed = parseSse(sseEvent({ type: "note.created", data: {} }) + ssePosition("2n9c.5.0.3", "heartbeat 1"));
    expect(parsed.messages.map((m) => m.event)).toEqual(["note.created"]);
    expect(parsed.lastEventId).toBe("2n9c.5.0.3");
  });
});

describe("stream positions (snapshots)", () => {
  const snapshot = { xmin: 1000n, xmax: 1010n, xip: [1000n, 1004n] };

  it("round-trips PostgreSQL's text form and the compact one", () => {
    expect(parsePgSnapshot("1000:1010:1000,1004")).toEqual(snapshot);
    expect(pgSnapshotText(snapshot)).toBe("1000:1010:1000,1004");
    expect(parsePgSnapshot("5:5:")).toEqual({ xmin: 5n, xmax: 5n, xip: [] });
    const compact = encodePosition(snapshot);
    expect(compact).toMatch(/^[0-9a-z.]+$/);
    expect(decodePosition(compact)).toEqual(snapshot);
    expect(decodePosition(encodePosition({ xmin: 3n, xmax: 3n, xip: [] }))).toEqual({ xmin: 3n, xmax: 3n, xip: [] });
  });

  it("refuses what is not a position a server could give", () => {
    for (const bad of [
      "",
      "17",
      "x",
      "-1.2",
      "1.5.9",
      "1.5.3.2",
      "1.5.2.2",
      "0.5",
      "a..b",
      "A.1",
      "1.2 ",
      `1.${"z".repeat(14)}`,
    ])
      expect(decodePosition(bad), bad).toBeNull();
    expect(positionSchema.safeParse("x").success).toBe(false);
    expect(positionSchema.parse(null)).toBeNull();
  });

  it("says whether a transaction is visible in a snapshot, as pg_visible_in_snapshot does", () => {
    expect([999n, 1000n, 1001n, 1004n, 1009n, 1010n].map((x) => isVisibleIn(x, snapshot))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it("orders two snapshots of one server: the later covers the earlier", () => {
    const later = { xmin: 1004n, xmax: 1012n, xip: [1004n, 1011n] };
    expect(covers(later, snapshot)).toBe(true);
    expect(covers(snapshot, later)).toBe(false);
    expect(covers(snapshot, snapshot)).toBe(true);
  });
});

describe("the conflict comparison", () => {
  const base: AnnotationFields = { claim: "start", claimant: "", verdict: "true", rationale: "r", sources: [] };

  it("lists only fields that differ from theirs, defaulting to theirs where you changed nothing", () => {
    const theirs = { ...base, claim: "their claim", verdict: "false" };
    const mine = { ...base, rationale: "my rationale", verdict: "mixed" };
    expect(compareFields(base, mine, theirs)).toEqual([
      { name: "claim", keepMine: false },
      { name: "verdict", keepMine: true },
      { name: "rationale", keepMine: true },
    ]);
    expect(resolveFields(mine, theirs, { claim: false, verdict: true, rationale: true })).toEqual({
      ...base,
      claim: "their claim",
      verdict: "mixed",
      rationale: "my rationale",
    });
  });

  it("ignores empty source rows the form would not send", () => {
    const empty = { url: "", title: "", publisher: "", excerpt: "", archiveUrl: "", accessedAt: "" };
    expect(compareFields(base, { ...base, sources: [empty] }, base)).toEqual([]);
  });
});
