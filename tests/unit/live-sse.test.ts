import { describe, expect, it } from "vitest";
import { parsePosition, sseEvent, sseRetry } from "@/lib/live/sse";
import { compareFields, resolveFields, type AnnotationFields } from "@/components/annotate/annotation-fields";
import { parseSse } from "../support/sse";

describe("SSE framing", () => {
  it("frames id, event and one line of JSON data that content cannot break", () => {
    const frame = sseEvent({ id: "42", type: "note.created", data: { body: "line one\n\nid: 99\nevent: reset" } });
    expect(frame.split("\n").filter((line) => line.startsWith("data:"))).toHaveLength(1);
    expect(parseSse(frame + sseRetry(3000))).toEqual({
      messages: [{ id: "42", event: "note.created", data: { body: "line one\n\nid: 99\nevent: reset" } }],
      rest: "",
    });
  });

  it("reads a resume position: digits only, absent is null", () => {
    expect(parsePosition(null)).toBeNull();
    expect(parsePosition("")).toBeNull();
    expect(parsePosition("17")).toBe(17n);
    for (const bad of ["-1", "1.5", "abc", "1e9", "9".repeat(19)]) expect(parsePosition(bad)).toBe("invalid");
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
