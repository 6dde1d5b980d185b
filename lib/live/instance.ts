import "server-only";
import { randomUUID } from "node:crypto";

// Kept on globalThis so route modules loaded twice agree.
const globalForInstance = globalThis as unknown as { factmarkInstanceId?: string };

/** This process's id among the app's instances: it owns its LiveStream rows, and skips its own purge notices. */
export function instanceId(): string {
  return (globalForInstance.factmarkInstanceId ??= randomUUID());
}
