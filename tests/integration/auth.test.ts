import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { verifySignIn } from "@/lib/auth/sign-in";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { LOGIN_WINDOW_MS, MAX_LOGIN_FAILURES, MAX_LOGIN_FAILURES_PER_ADDRESS } from "@/lib/auth/throttle";
import { changeMemberRole, setMemberActive } from "@/lib/people/members";
import { AppError } from "@/lib/errors";
import { TEST_PASSWORD, actorFor, createUser, createWorkspace, uniqueEmail } from "../support/factories";

describe("verifySignIn", () => {
  it("returns the session claims for a correct password, case-insensitively on email", async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const claims = await verifySignIn({
      email: ` ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
      ip: "10.0.0.1",
    });
    expect(claims).toEqual({ userId: user.id, sessionVersion: 0 });
  });

  it("answers a wrong password and an unknown email the same way, and counts both", async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const unknown = uniqueEmail("nobody");
    expect(await verifySignIn({ email: user.email, password: "wrong", ip: "10.0.0.2" })).toBeNull();
    expect(await verifySignIn({ email: unknown, password: "wrong", ip: "10.0.0.2" })).toBeNull();
    expect(await db.loginFailure.count({ where: { email: { in: [user.email, unknown] } } })).toBe(2);
  });

  it("rejects malformed and oversized input without touching the database", async () => {
    // Counted for this test's address only: other files record failures in parallel.
    const before = await db.loginFailure.count({ where: { ip: "10.0.0.3" } });
    expect(await verifySignIn({ email: "x".repeat(5000), password: "p", ip: "10.0.0.3" })).toBeNull();
    expect(await verifySignIn({ email: 42, password: ["a"], ip: "10.0.0.3" })).toBeNull();
    expect(await verifySignIn({ email: "a@b.example", password: "p".repeat(10_000), ip: "10.0.0.3" })).toBeNull();
    expect(await db.loginFailure.count({ where: { ip: "10.0.0.3" } })).toBe(before);
  });

  it("refuses a deactivated member even with the right password", async () => {
    const { workspace, admin } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    await setMemberActive({ actor: admin, membershipId: membership.id, active: false });
    expect(await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.4" })).toBeNull();
  });

  it(`throttles an email after ${MAX_LOGIN_FAILURES} failures, from whichever address they come`, async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const other = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    // Each guess from a new address, as a client rotating X-Forwarded-For or a botnet would.
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
      expect(await verifySignIn({ email: user.email, password: `wrong ${i}`, ip: `10.0.1.${i}` })).toBeNull();
    }
    // The next is refused even with the right password, from a fresh address, and says when to come back.
    const refused = await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.1.200" }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/^Too many attempts, try again in 1[45] minutes\.$/);
    // Another account, even from one of those addresses, is not affected.
    expect(await verifySignIn({ email: other.email, password: TEST_PASSWORD, ip: "10.0.1.0" })).not.toBeNull();
  });

  it(`throttles an address after ${MAX_LOGIN_FAILURES_PER_ADDRESS} failures across any emails`, async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const ip = "10.0.9.1";
    // A guessing run that rotates emails, each staying under the per-email limit.
    await db.loginFailure.createMany({
      data: Array.from({ length: MAX_LOGIN_FAILURES_PER_ADDRESS }, (_, i) => ({
        email: uniqueEmail(`rotated${i}`),
        ip,
      })),
    });
    const refused = await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip }).catch((e) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    // The account itself is fine from anywhere else.
    expect(await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.9.2" })).not.toBeNull();
  });

  it("a successful sign-in does not reset the address's failures for other emails", async () => {
    const { workspace } = await createWorkspace();
    const attacker = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const ip = "10.0.9.3";
    const victims = Array.from({ length: 3 }, (_, i) => uniqueEmail(`victim${i}`));
    for (const email of victims) await verifySignIn({ email, password: "guess", ip });
    await verifySignIn({ email: attacker.email, password: TEST_PASSWORD, ip });
    expect(await db.loginFailure.count({ where: { ip } })).toBe(victims.length);
  });

  it("forgets failures older than the window", async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 1000);
    await db.loginFailure.createMany({
      data: Array.from({ length: MAX_LOGIN_FAILURES }, () => ({ email: user.email, ip: "10.0.2.1", createdAt: old })),
    });
    expect(await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.2.1" })).not.toBeNull();
  });

  it("clears the counter after a successful sign-in", async () => {
    const { workspace } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "REVIEWER" });
    await verifySignIn({ email: user.email, password: "wrong", ip: "10.0.3.1" });
    await verifySignIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.3.1" });
    expect(await db.loginFailure.count({ where: { email: user.email } })).toBe(0);
  });
});

describe("loadActor", () => {
  it("reads the role from the database, so a demotion applies on the next request", async () => {
    const { workspace, admin } = await createWorkspace();
    const editor = await actorFor((await createUser({ workspaceId: workspace.id, role: "EDITOR" })).id);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: editor.userId } });
    await changeMemberRole({ actor: admin, membershipId: membership.id, role: "REVIEWER" });
    expect((await loadActor({ userId: editor.userId, sessionVersion: 0 }))?.role).toBe("REVIEWER");
  });

  it("returns null for a deactivated member", async () => {
    const { workspace, admin } = await createWorkspace();
    const user = await createUser({ workspaceId: workspace.id, role: "EDITOR" });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    await setMemberActive({ actor: admin, membershipId: membership.id, active: false });
    expect(await loadActor({ userId: user.id, sessionVersion: 0 })).toBeNull();
  });

  it("returns null for tokens issued before 'sign out everywhere'", async () => {
    const { reviewer } = await createWorkspace();
    await signOutEverywhere({ actor: reviewer });
    expect(await loadActor({ userId: reviewer.userId, sessionVersion: 0 })).toBeNull();
    expect(await loadActor({ userId: reviewer.userId, sessionVersion: 1 })).not.toBeNull();
  });

  it("returns null for an unknown user", async () => {
    expect(await loadActor({ userId: "cnotauser000000000000000", sessionVersion: 0 })).toBeNull();
  });

  it("signOutEverywhere needs a session", async () => {
    await expect(signOutEverywhere({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
