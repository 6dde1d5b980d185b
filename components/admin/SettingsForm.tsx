"use client";

import { useActionState } from "react";
import { updateSettingsAction } from "@/app/(app)/admin/people/actions";
import type { WorkspaceSettings } from "@/lib/workspaces/settings";
import { ActionMessage } from "./ActionMessage";
import { PublicSettingsFields } from "./PublicSettingsFields";

export function SettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const [result, action, pending] = useActionState(updateSettingsAction, null);
  return (
    <form action={action}>
      <label className="inline">
        <input type="checkbox" name="reviewersMayAddArticles" defaultChecked={settings.reviewersMayAddArticles} />{" "}
        Reviewers may add and revise articles
      </label>
      <PublicSettingsFields settings={settings} />
      <button type="submit" disabled={pending}>
        Save settings
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
