"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { addMember, changeMemberRole, setMemberActive } from "@/lib/people/members";
import { settingsSummary, updateWorkspaceSettings } from "@/lib/workspaces/settings";
import { setSearchLanguage } from "@/lib/search/language";

const PEOPLE = "/admin/people";

export async function addMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const member = await addMember({ actor: await getActor(), input: Object.fromEntries(form) });
    revalidatePath(PEOPLE);
    return `Added ${member.name} as ${member.role.toLowerCase()}.`;
  });
}

export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const member = await changeMemberRole({
      actor: await getActor(),
      membershipId: form.get("membershipId"),
      role: form.get("role"),
    });
    revalidatePath(PEOPLE);
    return `${member.name} is now ${member.role.toLowerCase()}.`;
  });
}

export async function setActiveAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const member = await setMemberActive({
      actor: await getActor(),
      membershipId: form.get("membershipId"),
      active: form.get("active") === "true",
    });
    revalidatePath(PEOPLE);
    return `${member.name} is ${member.active ? "active again" : "deactivated"}.`;
  });
}

export async function updateSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const on = (name: string) => form.get(name) === "on";
    const settings = await updateWorkspaceSettings({
      actor: await getActor(),
      input: {
        reviewersMayAddArticles: on("reviewersMayAddArticles"),
        publicPages: on("publicPages"),
        creditReviewers: on("creditReviewers"),
      },
    });
    revalidatePath(PEOPLE);
    return settingsSummary(settings);
  });
}

export async function updateSearchLanguageAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return toActionResult(async () => {
    const { language } = await setSearchLanguage({
      actor: await getActor(),
      input: { language: form.get("language") },
    });
    revalidatePath(PEOPLE);
    return `Search now reads this workspace's text as ${language === "simple" ? "any language (no stemming)" : language}.`;
  });
}
