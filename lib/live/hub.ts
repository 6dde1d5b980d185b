import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { prepareFrames, type Audience } from "./fan-out";
import { startListener } from "./listener";
import { purgeExpiredEvents, readAnnounced, type LoggedEvent } from "./log";
import { sseHeartbeat } from "./sse";
import { touchStreams } from "./streams";

/** A stream open on this instance: whom it serves and how to hand it a frame. */
export type Subscriber = Audience & { id: string; send: (text: string, id?: bigint) => void };

export const HEARTBEAT_MS = 25_000;
const TOUCH_MS = 10_000;
const PURGE_MS = 3_600_000;

type Hub = {
  instanceId: string;
  subscribers: Map<string, Subscriber>;
  /** Ids delivered lately, so a replay after a reconnect does not send an event twice. */
  recent: Set<bigint>;
  queue: Promise<void>;
  /** Resolves once the LISTEN connection is up: a stream opened before would miss what commits meanwhile. */
  listening: Promise<void>;
  stop: () => Promise<void>;
};

// One hub per process, kept on globalThis so route modules loaded twice share it.
const globalForHub = globalThis as unknown as { factmarkLiveHub?: Hub };

/** This process's hub, started on first use: the listening connection and the timers. */
export function liveHub(): Hub {
  if (globalForHub.factmarkLiveHub) return globalForHub.factmarkLiveHub;
  const hub: Hub = {
    instanceId: randomUUID(),
    subscribers: new Map(),
    recent: new Set(),
    queue: Promise.resolve(),
    listening: Promise.resolve(),
    stop: async () => {},
  };
  // Events are fanned out one announcement at a time, in the order they arrive.
  const enqueue = (load: () => Promise<LoggedEvent[]>) => {
    hub.queue = hub.queue
      .then(async () => deliver(hub, await load()))
      .catch((error) => console.error("live: fan-out failed", error));
  };
  const listener = startListener({
    onPayload: (payload) => enqueue(() => readAnnounced(payload)),
    onReconnected: (lostAt) =>
      enqueue(
        () =>
          db.liveEvent.findMany({
            where: { createdAt: { gte: new Date(lostAt.getTime() - 5_000) } },
            orderBy: { id: "asc" },
          }) as Promise<LoggedEvent[]>,
      ),
  });
  hub.listening = listener.listening;
  const heartbeat = setInterval(() => {
    const frame = sseHeartbeat();
    for (const subscriber of hub.subscribers.values()) subscriber.send(frame);
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
    for (const timer of [heartbeat, touch, purge]) clearInterval(timer);
    await listener.stop();
    delete globalForHub.factmarkLiveHub;
  };
  return (globalForHub.factmarkLiveHub = hub);
}

async function deliver(hub: Hub, events: LoggedEvent[]) {
  const fresh = events.filter((e) => !hub.recent.has(e.id));
  if (fresh.length === 0 || hub.subscribers.size === 0) return;
  for (const e of fresh) hub.recent.add(e.id);
  if (hub.recent.size > 10_000) for (const id of [...hub.recent].slice(0, 5_000)) hub.recent.delete(id);
  const subscribers = [...hub.subscribers.values()];
  const framesFor = await prepareFrames(fresh, subscribers);
  for (const subscriber of subscribers)
    for (const frame of framesFor(subscriber)) subscriber.send(frame.text, frame.id);
}

/** Adds a stream to this instance's fan-out; answers the function that removes it. */
export function subscribe(subscriber: Subscriber): () => void {
  const hub = liveHub();
  hub.subscribers.set(subscriber.id, subscriber);
  return () => hub.subscribers.delete(subscriber.id);
}

/** How many streams this instance serves (the benchmark's probe). */
export const subscriberCount = (): number => globalForHub.factmarkLiveHub?.subscribers.size ?? 0;
