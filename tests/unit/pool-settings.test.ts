import { describe, expect, it } from "vitest";
import { POOL_DEFAULTS, poolSettingsFromEnv } from "@/lib/db/pool-settings";

describe("poolSettingsFromEnv", () => {
  it("uses the defaults when nothing (or an empty value) is set", () => {
    expect(poolSettingsFromEnv({})).toEqual(POOL_DEFAULTS);
    expect(poolSettingsFromEnv({ FACTMARK_DB_POOL_SIZE: " " })).toEqual(POOL_DEFAULTS);
  });

  it("reads each variable", () => {
    expect(
      poolSettingsFromEnv({
        FACTMARK_DB_POOL_SIZE: "20",
        FACTMARK_DB_TRANSACTION_WAIT_MS: "5000",
        FACTMARK_DB_TRANSACTION_TIMEOUT_MS: "60000",
      }),
    ).toEqual({
      poolSize: 20,
      transactionWaitMs: 5000,
      transactionTimeoutMs: 60000,
    });
  });

  it.each(["0", "-1", "1.5", "ten", "1e3"])("refuses %j with the variable's name", (value) => {
    expect(() => poolSettingsFromEnv({ FACTMARK_DB_POOL_SIZE: value })).toThrow(
      `FACTMARK_DB_POOL_SIZE must be a positive whole number (got "${value}")`,
    );
  });
});
