import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifySignIn } from "@/lib/auth/sign-in";
import { addMember, changeMemberRole, listMembers, setMemberActive } from "@/lib/people/members";
import { createWorkspace, uniqueEmail } from "../support/factories";

const newPerson = () => ({
  name: "New Person",
  email: uniqueEmail("new"),
  role: "REVIEWER",
  password: "a long initial password",
});

/** Everything an admin action can change in a workspace, to prove a refusal changed nothing. */
async function snapshot(workspaceId: string) {
  const [memberships, users, audit] = await Promise.all([
    db.membership.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    // Only people this file tries to add: other files create users in parallel.
    db.user.count({ where: { name: newPerson().name } }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { memberships, users, audit };
}

async function membershipOf(userId: string) {
  return db.membership.findFirstOrThrow({ where: { userId } });
}

describe("people administration: access", () => {
  it("every action answers 401 without a session and 403 for editors and reviewers, changing nothing", async () => {
    const { workspace, editor, reviewer } = await createWorkspace();
    const target = await membershipOf(reviewer.userId);
    const before = await snapshot(workspace.id);
    for (const actor of [null, editor, reviewer]) {
      const code = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
      await expect(listMembers({ actor })).rejects.toMatchObject({ code });
      await expect(addMember({ actor, input: newPerson() })).rejects.toMatchObject({ code });
      await expect(changeMemberRole({ actor, membershipId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code });
      await expect(setMemberActive({ actor, membershipId: target.id, active: false })).rejects.toMatchObject({ code });
    }
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("an admin of another workspace gets 404 for this workspace's members, changing nothing", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const target = await membershipOf(mine.reviewer.userId);
    const before = await snapshot(mine.workspace.id);
    await expect(
      changeMemberRole({ actor: theirs.admin, membershipId: target.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setMemberActive({ actor: theirs.admin, membershipId: target.id, active: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMembers({ actor: theirs.admin })).map((m) => m.userId)).not.toContain(mine.reviewer.userId);
    expect(await snapshot(mine.workspace.id)).toEqual(before);
  });
});

describe("addMember", () => {
  it("creates a user who can sign in, and records who added them", async () => {
    const { workspace, admin } = await createWorkspace();
    const input = newPerson();
    const member = await addMember({ actor: admin, input: { ...input, email: input.email.toUpperCase() } });
    expect(member).toMatchObject({ name: "New Person", email: input.email, role: "REVIEWER", active: true });
    expect(await verifySignIn({ email: input.email, password: input.password, ip: "10.9.0.1" })).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, entityId: member.membershipId },
    });
    expect(audit).toMatchObject({ actorId: admin.userId, action: "create", entityType: "membership" });
  });

  it.each([
    [{}, /name: .*email: .*role: .*password: /],
    [{ ...newPerson(), email: "not-an-email" }, /^email: Enter a valid email address$/],
    [{ ...newPerson(), name: "x".repeat(5000) }, /^name: Name is too long/],
    [{ ...newPerson(), role: "OWNER" }, /^role: Choose Reviewer, Editor or Admin$/],
    [{ ...newPerson(), password: "short" }, /^password: The initial password needs at least 12 characters$/],
    [{ ...newPerson(), name: ["an", "array"] }, /^name: /],
  ])("rejects bad input %# with a readable 400 and changes nothing", async (input, message) => {
    const { workspace, admin } = await createWorkspace();
    const before = await snapshot(workspace.id);
    await expect(addMember({ actor: admin, input })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(message),
    });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("refuses an email that already has an account (409), changing nothing", async () => {
    const { workspace, admin, editor } = await createWorkspace();
    const before = await snapshot(workspace.id);
    await expect(addMember({ actor: admin, input: { ...newPerson(), email: editor.email } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await snapshot(workspace.id)).toEqual(before);
  });
});

describe("changeMemberRole and setMemberActive", () => {
  it("changes a role and audits before and after", async () => {
    const { workspace, admin, reviewer } = await createWorkspace();
    const target = await membershipOf(reviewer.userId);
    expect((await changeMemberRole({ actor: admin, membershipId: target.id, role: "EDITOR" })).role).toBe("EDITOR");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "role.change" } });
    expect(audit).toMatchObject({ before: { role: "REVIEWER" }, after: { role: "EDITOR" }, actorId: admin.userId });
  });

  it("rejects an unknown role, a malformed id and an unknown id, changing nothing", async () => {
    const { workspace, admin, reviewer } = await createWorkspace();
    const target = await membershipOf(reviewer.userId);
    const before = await snapshot(workspace.id);
    await expect(changeMemberRole({ actor: admin, membershipId: target.id, role: "SUPERUSER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      changeMemberRole({ actor: admin, membershipId: "'; drop table", role: "EDITOR" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      setMemberActive({ actor: admin, membershipId: "c000000000000000000000000", active: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("never leaves the workspace without an active admin, nor lets an admin deactivate themselves", async () => {
    const { workspace, admin } = await createWorkspace();
    const own = await membershipOf(admin.userId);
    const before = await snapshot(workspace.id);
    await expect(changeMemberRole({ actor: admin, membershipId: own.id, role: "EDITOR" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(setMemberActive({ actor: admin, membershipId: own.id, active: false })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("deactivates and reactivates, auditing both", async () => {
    const { workspace, admin, editor } = await createWorkspace();
    const target = await membershipOf(editor.userId);
    expect((await setMemberActive({ actor: admin, membershipId: target.id, active: false })).active).toBe(false);
    expect((await listMembers({ actor: admin })).at(-1)?.userId).toBe(editor.userId);
    expect((await setMemberActive({ actor: admin, membershipId: target.id, active: true })).active).toBe(true);
    const actions = await db.auditEvent.findMany({
      where: { workspaceId: workspace.id, entityId: target.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["deactivate", "reactivate"]);
  });
});
