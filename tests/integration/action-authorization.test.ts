import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { addMember, changeMemberRole, setMemberActive } from "@/lib/people/members";
import { updateWorkspaceSettings } from "@/lib/workspaces/settings";
import {
  addScaleOption,
  deleteScaleOption,
  moveScaleOption,
  setScaleOptionRetired,
  updateScaleOption,
} from "@/lib/verdicts/scale";
import { createApiToken, revokeApiToken } from "@/lib/tokens/tokens";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { switchWorkspace } from "@/lib/workspaces/switch";
import { getScaleVersion, reorderScaleOptions } from "@/lib/verdicts/reorder";
import { setSearchLanguage } from "@/lib/search/language";
import { createArticle, createUser, createWorkspace } from "../support/factories";

// The authorization matrix for server actions. Each action in app/ is `getActor()` plus one lib
// call; this drives that lib call as each kind of caller, with the actor getActor() would give
// it (null when the session is gone). The HTTP routes have their matrix in
// tests/e2e/authorization.spec.ts. Valid input throughout, so "let through" means it worked.

type Access = "member" | "editor" | "admin";
type Desk = Awaited<ReturnType<typeof deskForActions>>;
type Action = { name: string; access: Access; run: (actor: Actor | null, desk: Desk) => Promise<unknown> };

const ACTIONS: Action[] = [
  {
    name: "addMemberAction",
    access: "admin",
    run: (actor) =>
      addMember({
        actor,
        input: {
          name: "New person",
          email: `new-${randomUUID()}@test.example`,
          role: "REVIEWER",
          password: "a long initial password",
        },
      }),
  },
  {
    name: "changeRoleAction",
    access: "admin",
    run: (actor, desk) => changeMemberRole({ actor, membershipId: desk.membershipId, role: "EDITOR" }),
  },
  {
    name: "setActiveAction",
    access: "admin",
    run: (actor, desk) => setMemberActive({ actor, membershipId: desk.membershipId, active: true }),
  },
  {
    name: "updateSettingsAction",
    access: "admin",
    run: (actor) => updateWorkspaceSettings({ actor, input: { reviewersMayAddArticles: true } }),
  },
  {
    name: "addOptionAction",
    access: "admin",
    run: (actor) =>
      addScaleOption({ actor, input: { key: `k-${randomUUID().slice(0, 8)}`, label: "Satire", color: "#123456" } }),
  },
  {
    name: "updateOptionAction",
    access: "admin",
    run: (actor, desk) => updateScaleOption({ actor, optionId: desk.optionId, input: { label: "Renamed" } }),
  },
  {
    name: "optionCommandAction (move)",
    access: "admin",
    run: (actor, desk) => moveScaleOption({ actor, optionId: desk.optionId, direction: "down" }),
  },
  {
    name: "optionCommandAction (retire)",
    access: "admin",
    run: (actor, desk) => setScaleOptionRetired({ actor, optionId: desk.optionId, retired: false }),
  },
  {
    name: "optionCommandAction (delete)",
    access: "admin",
    run: (actor, desk) => deleteScaleOption({ actor, optionId: desk.unusedOptionId }),
  },
  {
    name: "reorderOptionsAction",
    access: "admin",
    run: async (actor, desk) => {
      const order = (
        await db.verdictOption.findMany({
          where: { scaleId: desk.options[0].scaleId },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((o) => o.id);
      return reorderScaleOptions({
        actor,
        input: { order: order.reverse(), version: await getScaleVersion({ actor: desk.admin }) },
      });
    },
  },
  { name: "createTokenAction", access: "admin", run: (actor) => createApiToken({ actor, input: { name: "Partner" } }) },
  {
    name: "revokeTokenAction",
    access: "admin",
    run: (actor, desk) => revokeApiToken({ actor, tokenId: desk.tokenId }),
  },
  {
    name: "requestSecondOpinionAction",
    access: "editor",
    run: (actor, desk) =>
      requestSecondOpinion({
        actor,
        articleId: desk.articleId,
        input: { firstReviewerId: desk.reviewerId, secondReviewerId: desk.secondReviewerId },
      }),
  },
  {
    name: "updateSearchLanguageAction",
    access: "admin",
    run: (actor) => setSearchLanguage({ actor, input: { language: "english" } }),
  },
  { name: "signOutEverywhereAction", access: "member", run: (actor) => signOutEverywhere({ actor }) },
  {
    name: "switchWorkspaceAction",
    access: "member",
    run: (actor, desk) => switchWorkspace({ actor, input: { workspaceId: desk.workspace.id } }),
  },
];

type CallerKind = "anonymous" | "deactivated" | "revoked" | "token" | "otherAdmin" | "reviewer" | "editor" | "admin";

/** The refusal a caller must get, or null when the action must work for it. */
function expectedRefusal(action: Action, caller: CallerKind, namesRows: boolean): string | null {
  if (caller === "anonymous" || caller === "deactivated" || caller === "revoked") return "UNAUTHENTICATED";
  if (caller === "token") return "FORBIDDEN";
  // Another desk's admin acts on its own desk, and cannot reach this desk's rows.
  if (caller === "otherAdmin") return namesRows ? "NOT_FOUND" : null;
  if (action.access === "admin" && caller !== "admin") return "FORBIDDEN";
  if (action.access === "editor" && caller === "reviewer") return "FORBIDDEN";
  return null;
}

/** A desk with a member to change, scale options, a token and an article for the actions to name. */
async function deskForActions() {
  const desk = await createWorkspace();
  const target = await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" });
  const second = await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" });
  const unused = await db.verdictOption.create({
    data: {
      scaleId: desk.options[0].scaleId,
      key: `unused-${randomUUID().slice(0, 8)}`,
      label: "Unused",
      color: "#000000",
      position: 99,
    },
  });
  const { view } = await createApiToken({ actor: desk.admin, input: { name: "To revoke" } });
  const article = await createArticle({ workspaceId: desk.workspace.id });
  return {
    ...desk,
    membershipId: (await db.membership.findFirstOrThrow({ where: { userId: target.id } })).id,
    optionId: desk.options[1].id,
    unusedOptionId: unused.id,
    tokenId: view.id,
    articleId: article.id,
    reviewerId: desk.reviewer.userId,
    secondReviewerId: second.id,
  };
}

/** Every kind of caller as getActor() (or a token) would hand it to the action. */
async function callersOf(desk: Desk): Promise<Record<CallerKind, Actor | null>> {
  const other = await createWorkspace("Other desk");
  const deactivated = await createUser({ workspaceId: desk.workspace.id, role: "ADMIN" });
  await db.membership.updateMany({ where: { userId: deactivated.id }, data: { deactivatedAt: new Date() } });
  const revoked = await createUser({ workspaceId: desk.workspace.id, role: "ADMIN" });
  await db.user.update({ where: { id: revoked.id }, data: { sessionVersion: { increment: 1 } } });
  return {
    anonymous: null,
    deactivated: await loadActor({ userId: deactivated.id, sessionVersion: 0 }),
    revoked: await loadActor({ userId: revoked.id, sessionVersion: 0 }),
    token: { ...desk.admin, role: "REVIEWER", tokenId: "ctoken" },
    otherAdmin: other.admin,
    reviewer: desk.reviewer,
    editor: desk.editor,
    admin: desk.admin,
  };
}

const ORDER: CallerKind[] = [
  "anonymous",
  "deactivated",
  "revoked",
  "token",
  "otherAdmin",
  "reviewer",
  "editor",
  "admin",
];

describe("server actions × callers", () => {
  for (const action of ACTIONS) {
    it(`${action.name} is for ${action.access === "member" ? "any signed-in member" : `${action.access}s`}`, async () => {
      const desk = await deskForActions();
      const callers = await callersOf(desk);
      const namesRows = action.run.length > 1;
      const outcomes: string[] = [];
      for (const kind of ORDER) {
        const want = expectedRefusal(action, kind, namesRows);
        const got = await action.run(callers[kind], desk).then(
          () => null,
          (error: { code?: string }) => error.code ?? String(error),
        );
        // One blind at a time: the editor's request succeeded, so the admin's meets a conflict, not a refusal.
        const fine = want === null ? got === null || got === "CONFLICT" : got === want;
        if (!fine) outcomes.push(`${kind}: got ${got ?? "success"}, want ${want ?? "success"}`);
      }
      expect(outcomes).toEqual([]);
    });
  }
});
