import "server-only";
import pg from "pg";
import { parseDatabaseUrl } from "../db/connection";

export const CHANNEL = "factmark_live";

/**
 * The instance's one LISTEN connection: a plain pg.Client of its own, never one of the Prisma
 * pool's (a pooled connection is handed to other queries and would drop the LISTEN). When the
 * connection fails it reconnects with growing pauses (up to 10 s) and reports the outage, so the
 * hub can replay from the log what was announced meanwhile.
 */
export function startListener(handlers: {
  onPayload: (payload: string) => void;
  onReconnected: (lostAt: Date) => void;
}): { listening: Promise<void>; stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let pause = 500;
  let lostAt: Date | null = null;
  let announceListening!: () => void;
  const listening = new Promise<void>((resolve) => (announceListening = resolve));

  const connect = async () => {
    if (stopped) return;
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const next = new pg.Client({ ...parseDatabaseUrl(url), application_name: "factmark-live", keepAlive: true });
    next.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) handlers.onPayload(message.payload);
    });
    const fail = (error?: Error) => {
      if (client !== next) return;
      client = null;
      lostAt ??= new Date();
      if (error) console.warn(`live: listening connection lost (${error.message}); reconnecting`);
      void next.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect(), pause).unref();
      pause = Math.min(pause * 2, 10_000);
    };
    next.on("error", fail);
    next.on("end", () => fail());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      announceListening();
      pause = 500;
      if (lostAt) {
        handlers.onReconnected(lostAt);
        lostAt = null;
      }
    } catch (error) {
      fail(error as Error);
    }
  };
  const ready = connect();

  return {
    listening,
    stop: async () => {
      stopped = true;
      await ready;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
