// lib/db/fast-rows.ts sends dates as ISO text in UTC: pg's own encoding writes a Date in the
// process's time zone, which a timestamp without time zone column would keep without its offset,
// so a server outside UTC would store every create's timestamps hours off.
import { afterEach, describe, expect, it } from "vitest";
import { fastRows } from "@/lib/db/fast-rows";
import { Prisma } from "@/lib/db/generated/client";

const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("fastRows parameters", () => {
  it("stores a Date, alone or in an array, as the UTC instant it is, whatever the process's time zone", async () => {
    process.env.TZ = "America/New_York";
    const at = new Date("2026-12-03T12:34:56.789Z");
    expect(at.getHours()).toBe(7); // the zone took effect
    const [row] = await fastRows<{ one: string; many: string }>(Prisma.sql`
      SELECT to_char(${at}::timestamp(3), 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS one,
        (SELECT string_agg(to_char(t, 'HH24:MI'), ',') FROM unnest(${[at, null]}::timestamp(3)[]) t) AS many`);
    expect(row).toEqual({ one: "2026-12-03T12:34:56.789", many: "12:34" });
  });
});
