/** What one save of an order came back with: the version it made, or why it was refused. */
export type OrderSaveOutcome = { ok: true; version: number } | { ok: false; error: string };

/** Told after each save settles; `waiting` says whether a later order is about to go out. */
export type OrderSaveReport<Note> =
  | { ok: true; note: Note; version: number; waiting: boolean }
  | { ok: false; note: Note; error: string; dropped: boolean };

/**
 * Saves a list's order one request at a time, each naming the version the previous one made
 * (lib/verdicts/reorder.ts refuses a stale version). A change made while a save is under way is
 * not dropped: the latest order waits and goes out when the running save settles, against the
 * version that save returned, so a keyboard user can press a key again without watching the
 * network. Orders that waited behind one another are sent once, the last. A refusal drops what
 * waited, since it was built on the refused order, and says so.
 */
export class OrderSaver<Note> {
  private version: number;
  private running = false;
  private waiting: { order: string[]; note: Note } | null = null;

  constructor(
    version: number,
    private readonly send: (order: string[], version: number) => Promise<OrderSaveOutcome>,
    private readonly report: (outcome: OrderSaveReport<Note>) => void,
  ) {
    this.version = version;
  }

  /** True while a save runs or an order waits: the page's order is then ours, not the server's. */
  get busy(): boolean {
    return this.running || this.waiting !== null;
  }

  /**
   * The server's version as the page last read it. Taken only when idle: while saves are under
   * way the next one must name the version our own save made, or it could silently overwrite a
   * change someone else made in between.
   */
  adopt(version: number): void {
    if (!this.busy) this.version = version;
  }

  /** Saves `order` now, or after the running save if there is one. */
  request(order: string[], note: Note): void {
    if (this.running) this.waiting = { order, note };
    else void this.run(order, note);
  }

  private async run(order: string[], note: Note): Promise<void> {
    this.running = true;
    let current: { order: string[]; note: Note } | null = { order, note };
    while (current) {
      let outcome: OrderSaveOutcome;
      try {
        outcome = await this.send(current.order, this.version);
      } catch {
        outcome = { ok: false, error: "The order could not be saved (no answer from the server); reload the page." };
      }
      const next: { order: string[]; note: Note } | null = this.waiting;
      this.waiting = null;
      if (!outcome.ok) {
        this.running = false;
        return this.report({ ok: false, note: current.note, error: outcome.error, dropped: next !== null });
      }
      this.version = outcome.version;
      // Still running when an order waits, so nothing reported here can start a second save alongside.
      if (!next) this.running = false;
      this.report({ ok: true, note: current.note, version: outcome.version, waiting: next !== null });
      current = next;
    }
  }
}
