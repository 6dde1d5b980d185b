import { describe, expect, it } from "vitest";
import {
  awaitingRefresh,
  beforeArrival,
  withArrival,
  withChange,
  type AnnotationsChange,
} from "@/components/annotate/useStreamedAnnotations";
import type { AnnotationSummary } from "@/lib/annotations/view";

const summary = (id: string, start: number, end = start + 5, version = 1) =>
  ({ id, start, end, version }) as AnnotationSummary;
const upsert =
  (a: AnnotationSummary): AnnotationsChange =>
  (list) => [...list.filter((b) => b.id !== a.id), a];
const remove =
  (id: string): AnnotationsChange =>
  (list) =>
    list.filter((a) => a.id !== id);
const ids = (list: AnnotationSummary[]) => list.map((a) => a.id);

describe("the article page's streamed annotations", () => {
  it("sorts the server's list by position, longer spans first where two start together", () => {
    const state = withArrival(beforeArrival, [summary("b", 20), summary("short", 3, 4), summary("long", 3, 9)]);
    expect(ids(state.list)).toEqual(["long", "short", "b"]);
    expect(state.early).toBeNull();
  });

  it("replays what the page changed before the list arrived over it", () => {
    let state = withChange(beforeArrival, upsert(summary("created", 50)));
    state = withChange(state, upsert(summary("a", 0, 5, 2)));
    state = withChange(state, remove("gone"));
    expect(ids(state.list)).toEqual(["created", "a"]);
    state = withArrival(state, [summary("gone", 10), summary("a", 0, 5, 1), summary("b", 30)]);
    expect(ids(state.list)).toEqual(["b", "created", "a"]);
    expect(state.list.find((a) => a.id === "a")?.version).toBe(2);
  });

  it("keeps the page's empty array when an empty list arrives, so nothing re-renders for it", () => {
    const state = withArrival(beforeArrival, []);
    expect(state.list).toBe(beforeArrival.list);
    expect(state.early).toBeNull();
  });

  it("lets a later list (a refresh) replace the one the page holds", () => {
    let state = withArrival(beforeArrival, [summary("a", 0), summary("b", 10)]);
    state = withChange(state, upsert(summary("c", 20)));
    expect(state.early).toBeNull();
    state = withArrival(state, [summary("b", 10)]);
    expect(ids(state.list)).toEqual(["b"]);
  });

  it("keeps what changed while a refresh's list was on its way, and the list shown meanwhile", () => {
    let state = awaitingRefresh(withArrival(beforeArrival, [summary("a", 0), summary("b", 10)]));
    expect(state.arrived).toBe(true);
    state = withChange(state, upsert(summary("saved", 20)));
    state = withChange(state, remove("a"));
    expect(ids(state.list)).toEqual(["b", "saved"]);
    // The refresh read the desk before those changes.
    state = withArrival(state, [summary("a", 0), summary("b", 10), summary("imported", 30)]);
    expect(ids(state.list)).toEqual(["b", "imported", "saved"]);
    expect(state.early).toBeNull();
  });
});
