import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { POOL_DEFAULTS } from "@/lib/db/pool-settings";
import { errorResponse } from "@/lib/http/responses";
import { toActionResult } from "@/lib/http/action-result";

// Under load a transaction queues for a pooled connection. These hold the only connection of a
// one-connection pool in a transaction, so the next one has to wait, as it does under 50 clients.
const url = inject("databaseUrl");
const clients: PrismaClient[] = [];
const client = (settings: Partial<typeof POOL_DEFAULTS>) => {
  const made = createPrismaClient(url, { ...POOL_DEFAULTS, poolSize: 1, ...settings });
  clients.push(made);
  return made;
};

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

/**
 * Starts a transaction that keeps the pool's only connection for `seconds` and resolves once it
 * has the connection, with `released` for the transaction's end.
 */
async function holdTheConnection(db: PrismaClient, seconds: number): Promise<{ released: Promise<unknown> }> {
  // Its own wait is generous: opening the pool's first connection may take longer than the one under test.
  let begun!: () => void;
  const holding = new Promise<void>((resolve) => (begun = resolve));
  const held = db.$transaction(
    async (tx) => {
      begun(); // the connection is this transaction's from here on
      return tx.$executeRawUnsafe(`SELECT pg_sleep(${seconds})`);
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
  await holding;
  return { released: held };
}

describe("transactions on a busy pool", () => {
  it("wait longer than Prisma's 2 s default for a connection instead of failing", async () => {
    const db = client({});
    const held = await holdTheConnection(db, 2.6);
    const started = Date.now();
    await expect(db.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([
      { one: 1 },
    ]);
    expect(Date.now() - started).toBeGreaterThan(2_000);
    await held.released;
  });

  it("answer 503 with Retry-After, not 500, when one still cannot start in time (the route and the form)", async () => {
    const db = client({ transactionWaitMs: 100 });
    const held = await holdTheConnection(db, 1);
    const error = await db
      .$transaction(async (tx) => tx.$queryRaw`SELECT 1`)
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    await held.released;
    expect(error).toMatchObject({ code: "P2028" });

    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.json()).toEqual({
      error: { code: "UNAVAILABLE", message: "The server is busy; nothing was changed. Try again in a moment." },
    });

    expect(await toActionResult(() => Promise.reject(error))).toEqual({
      ok: false,
      error: "The server is busy; nothing was changed. Try again in a moment.",
    });
  });
});
