import "server-only";
import pg from "pg";
import { parseDatabaseUrl } from "../db/connection";

/** New events in the log (prisma/routines/30-live-events.sql). */
export const CHANNEL = "factmark_live";
/** Public cache tags to drop on every instance (lib/publish/revalidate.ts). */
export const PURGE_CHANNEL = "factmark_public_purge";

/**
 * The instance's one LISTEN connection: a plain pg.Client of its own, never one of the Prisma
 * pool's (a pooled connection is handed to other queries and would drop the LISTEN). It listens
 * on every channel given; after each LISTEN it awaits `onConnected` (told whether this is a
 * reconnection, when notifications may have been lost) before saying it is listening. When the
 * connection fails it reconnects with growing pauses (up to 10 s).
 */
export function startListener(handlers: {
  channels: Record<string, (payload: string) => void>;
  onConnected: (reconnected: boolean) => Promise<void>;
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
      handlers.channels[message.channel]?.(message.payload ?? "");
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
      for (const channel of Object.keys(handlers.channels)) await next.query(`LISTEN ${channel}`);
      await handlers.onConnected(lostAt !== null);
      announceListening();
      pause = 500;
      lostAt = null;
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
