import "server-only";
import { prepareFrames, type Audience, type Frame } from "./fan-out";
import { instanceId } from "./instance";
import { CHANNEL, PURGE_CHANNEL, startListener } from "./listener";
import { purgeExpiredEvents, readSnapshot, readWindow } from "./log";
import type { Snapshot } from "./position";
import { touchStreams } from "./streams";
import { applyPurgeNotice, dropEveryPublicPage } from "../publish/revalidate";

/**
 * A stream open on this instance: whom it serves, and how the hub hands it each window's frames
 * (with the window's snapshot, its next position), a heartbeat, or the news that a window was lost.
 */
export type Subscriber = Audience & {
  id: string;
  receive: (frames: Frame[], snapshot: Snapshot) => void;
  heartbeat: () => void;
  drop: () => void;
};

export const HEARTBEAT_MS = 25_000;
const TOUCH_MS = 10_000;
const PURGE_MS = 3_600_000;
/** After a failed read of the log, the next try. */
const RETRY_WINDOW_MS = 1_000;

type Hub = {
  instanceId: string;
  subscribers: Map<string, Subscriber>;
  /**
   * The snapshot of the last window handed out: a stream starting now has everything visible in
   * it, and receives every later window. Set once listening.
   */
  position: Snapshot | null;
  /** Resolves once the LISTEN connection is up and `position` is set: a stream opened before would miss what commits meanwhile. */
  listening: Promise<void>;
  stop: () => Promise<void>;
};

// One hub per process, kept on globalThis so route modules loaded twice share it.
const globalForHub = globalThis as unknown as { factmarkLiveHub?: Hub };

/**
 * This process's hub, started on first use: the listening connection and the timers. It reads the
 * log in windows: on a notification (several arriving meanwhile make one window) it reads the
 * events committed since the last window's snapshot and fans them out, one window at a time.
 */
export function liveHub(): Hub {
  if (globalForHub.factmarkLiveHub) return globalForHub.factmarkLiveHub;
  const hub: Hub = {
    instanceId: instanceId(),
    subscribers: new Map(),
    position: null,
    listening: Promise.resolve(),
    stop: async () => {},
  };
  let reading = false;
  let again = false;
  let stopped = false;
  const readLog = () => {
    // Before the first snapshot is taken nobody is subscribed, and that snapshot will include it.
    if (hub.position === null) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    void (async () => {
      try {
        do {
          again = false;
          await deliver(hub, await readWindow(hub.position!));
        } while (again && !stopped);
      } catch (error) {
        console.error("live: reading the event log failed; retrying", error);
        if (!stopped) setTimeout(readLog, RETRY_WINDOW_MS).unref();
      } finally {
        reading = false;
      }
    })();
  };
  const listener = startListener({
    channels: {
      [CHANNEL]: readLog,
      [PURGE_CHANNEL]: (payload) => applyPurgeNotice(payload, hub.instanceId),
    },
    onConnected: async (reconnected) => {
      if (hub.position === null) hub.position = await readSnapshot();
      else if (reconnected) {
        // Notifications sent while the connection was down are lost: the next window reads what
        // committed meanwhile from the log, and every public page is dropped, its purge perhaps missed.
        readLog();
        void dropEveryPublicPage();
      }
    },
  });
  hub.listening = listener.listening;
  const heartbeat = setInterval(() => {
    for (const subscriber of hub.subscribers.values()) subscriber.heartbeat();
  }, HEARTBEAT_MS);
  const touch = setInterval(
    () => void touchStreams(hub.instanceId).catch((error) => console.warn("live: heartbeat failed", error)),
    TOUCH_MS,
  );
  const purge = setInterval(
    () => void purgeExpiredEvents().catch((error) => console.warn("live: purge failed", error)),
    PURGE_MS,
  );
  for (const timer of [heartbeat, touch, purge]) timer.unref();
  hub.stop = async () => {
    stopped = true;
    for (const timer of [heartbeat, touch, purge]) clearInterval(timer);
    await listener.stop();
    delete globalForHub.factmarkLiveHub;
  };
  return (globalForHub.factmarkLiveHub = hub);
}

/**
 * Hands one window to the streams open when it is handed out. The position moves in the same
 * step as the list of streams is taken, so a stream opened later starts after this window and
 * one opened earlier receives it. When the fan-out fails, its streams are dropped: each reconnects
 * from its last position and catches up from the log, rather than silently missing the window.
 */
async function deliver(hub: Hub, window: Awaited<ReturnType<typeof readWindow>>) {
  hub.position = window.snapshot;
  const subscribers = [...hub.subscribers.values()];
  if (subscribers.length === 0) return;
  try {
    const framesFor = await prepareFrames(window.events, subscribers);
    for (const subscriber of subscribers) subscriber.receive(framesFor(subscriber), window.snapshot);
  } catch (error) {
    console.error("live: fan-out failed; dropping its streams so they catch up", error);
    for (const subscriber of subscribers) subscriber.drop();
  }
}

/** Adds a stream to this instance's fan-out; answers the position it starts from and the function that removes it. */
export function subscribe(subscriber: Subscriber): { position: Snapshot; unsubscribe: () => void } {
  const hub = liveHub();
  if (!hub.position) throw new Error("live: subscribe before the hub is listening");
  hub.subscribers.set(subscriber.id, subscriber);
  return { position: hub.position, unsubscribe: () => hub.subscribers.delete(subscriber.id) };
}

/** How many streams this instance serves (the benchmark's probe). */
export const subscriberCount = (): number => globalForHub.factmarkLiveHub?.subscribers.size ?? 0;
