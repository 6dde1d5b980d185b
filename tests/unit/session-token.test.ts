import { encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionClaimsOf } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-at-least-32-characters!!";

describe("sessionClaimsOf (cached decode of the session token)", () => {
  it("answers the claims, the same from the cache, and null once the token has expired", async () => {
    const raw = await encode({ token: { userId: "u1", sessionVersion: 3 }, secret, maxAge: 60 });
    expect(await sessionClaimsOf(raw, secret)).toEqual({ userId: "u1", sessionVersion: 3 });
    expect(await sessionClaimsOf(raw, secret)).toEqual({ userId: "u1", sessionVersion: 3 });
    // Past exp plus next-auth's 15 s leeway, the cached entry no longer answers.
    expect(await sessionClaimsOf(raw, secret, Date.now() + 76_000)).toBeNull();
  });

  it("refuses a token under another secret even after it was cached under the right one", async () => {
    const raw = await encode({ token: { userId: "u2", sessionVersion: 0 }, secret });
    expect(await sessionClaimsOf(raw, secret)).toEqual({ userId: "u2", sessionVersion: 0 });
    expect(await sessionClaimsOf(raw, "another-secret-of-at-least-32-characters!")).toBeNull();
  });

  // A token of another shape (our JWT type requires the two claims; an old or foreign one may lack them).
  it("refuses tampered, foreign and claim-less tokens", async () => {
    const raw = await encode({ token: { userId: "u3", sessionVersion: 1 }, secret });
    const tampered = raw.slice(0, -4) + (raw.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionClaimsOf(tampered, secret)).toBeNull();
    expect(await sessionClaimsOf("not.a.token", secret)).toBeNull();
    const claimless = await encode({ token: { sub: "u4" } as unknown as JWT, secret });
    expect(await sessionClaimsOf(claimless, secret)).toBeNull();
    expect(await sessionClaimsOf(claimless, secret)).toBeNull();
  });

  it("refuses an expired token that was never cached", async () => {
    const raw = await encode({ token: { userId: "u5", sessionVersion: 0 }, secret, maxAge: -60 });
    expect(await sessionClaimsOf(raw, secret)).toBeNull();
  });
});
