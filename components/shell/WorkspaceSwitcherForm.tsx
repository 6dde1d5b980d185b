"use client";

import { useActionState } from "react";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { MyWorkspace } from "@/lib/workspaces/switch";
import { switchWorkspaceAction } from "@/app/(app)/actions";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

/**
 * Choose a workspace, then Switch: an explicit button rather than switching on change, so moving
 * through the list with the keyboard does not leave the page (WCAG 3.2.2), and it works without
 * JavaScript. Each option names the role held there.
 */
export function WorkspaceSwitcherForm({ workspaces }: { workspaces: MyWorkspace[] }) {
  const [result, action, pending] = useActionState(switchWorkspaceAction, null);
  const current = workspaces.find((w) => w.current);
  return (
    <form action={action} className="workspace-switcher" data-testid="workspace-switcher">
      <label htmlFor="workspace-choice" className="visually-hidden">
        Workspace
      </label>
      <select id="workspace-choice" name="workspaceId" defaultValue={current?.id}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({ROLE_LABEL[w.role]})
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        Switch
      </button>
      {result && !result.ok && <ErrorMessage message={result.error} inline />}
    </form>
  );
}
