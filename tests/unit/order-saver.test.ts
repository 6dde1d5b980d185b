import { describe, expect, it } from "vitest";
import { OrderSaver, type OrderSaveOutcome, type OrderSaveReport } from "@/components/admin/order-saver";

/**
 * A server stand-in that keeps the scale's version as lib/verdicts/reorder.ts does (a stale
 * version is refused, a save bumps it) and answers each save only when the test says so, so the
 * test decides what is in flight when a key is pressed.
 */
function desk(version: number) {
  const state = { version, order: [] as string[] };
  const sent: { order: string[]; version: number }[] = [];
  const answers: (() => void)[] = [];
  const reports: OrderSaveReport<string>[] = [];
  const send = (order: string[], at: number) => {
    sent.push({ order, version: at });
    return new Promise<OrderSaveOutcome>((resolve) =>
      answers.push(() => {
        if (at !== state.version) return resolve({ ok: false, error: "The verdict scale changed since you loaded it" });
        state.version += 1;
        state.order = order;
        resolve({ ok: true, version: state.version });
      }),
    );
  };
  const saver = new OrderSaver<string>(version, send, (report) => reports.push(report));
  /** Answers the oldest open save and lets what it starts run. */
  const answer = async () => {
    answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { state, sent, reports, saver, answer };
}

describe("OrderSaver", () => {
  it("sends a move made while a save runs after it, against the version that save made", async () => {
    const { state, sent, reports, saver, answer } = desk(4);
    saver.request(["b", "a", "c"], "first");
    saver.request(["b", "c", "a"], "second");
    expect(sent).toHaveLength(1);
    expect(saver.busy).toBe(true);
    await answer();
    expect(reports).toEqual([{ ok: true, note: "first", version: 5, waiting: true }]);
    expect(sent[1]).toEqual({ order: ["b", "c", "a"], version: 5 });
    await answer();
    expect(reports[1]).toEqual({ ok: true, note: "second", version: 6, waiting: false });
    expect(state).toEqual({ version: 6, order: ["b", "c", "a"] });
    expect(saver.busy).toBe(false);
  });

  it("sends only the last of several moves that waited", async () => {
    const { state, sent, reports, saver, answer } = desk(1);
    saver.request(["b", "a", "c", "d"], "one");
    saver.request(["b", "c", "a", "d"], "two");
    saver.request(["b", "c", "d", "a"], "three");
    await answer();
    await answer();
    expect(sent.map((s) => s.version)).toEqual([1, 2]);
    expect(reports.map((r) => r.note)).toEqual(["one", "three"]);
    expect(state.order).toEqual(["b", "c", "d", "a"]);
  });

  it("drops what waited behind a refused save and says so", async () => {
    const { state, sent, reports, saver, answer } = desk(7);
    state.version = 8; // someone else reordered since the page loaded
    saver.request(["b", "a"], "mine");
    saver.request(["a", "b"], "mine again");
    await answer();
    expect(reports).toEqual([
      { ok: false, note: "mine", error: "The verdict scale changed since you loaded it", dropped: true },
    ]);
    expect(sent).toHaveLength(1);
    expect(state).toEqual({ version: 8, order: [] });
    expect(saver.busy).toBe(false);
  });

  it("takes the page's version only when idle, so a queued move never borrows a version it did not see", async () => {
    const { sent, saver, answer } = desk(2);
    saver.request(["b", "a"], "mine");
    saver.request(["a", "b"], "next");
    saver.adopt(9); // a refresh showing a later version arrives mid-save: ignored
    await answer();
    expect(sent[1].version).toBe(3);
    await answer();
    saver.adopt(9);
    saver.request(["b", "a"], "after");
    expect(sent[2].version).toBe(9);
  });

  it("reports a save that never got an answer as refused, and is ready for the next", async () => {
    const reports: OrderSaveReport<string>[] = [];
    const saver = new OrderSaver<string>(
      1,
      () => Promise.reject(new Error("offline")),
      (r) => reports.push(r),
    );
    saver.request(["a"], "lost");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reports).toEqual([
      { ok: false, note: "lost", error: expect.stringMatching(/could not be saved/), dropped: false },
    ]);
    expect(saver.busy).toBe(false);
  });
});
