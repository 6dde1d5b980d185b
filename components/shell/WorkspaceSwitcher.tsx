import type { Actor } from "@/lib/auth/actor";
import { listMyWorkspaces } from "@/lib/workspaces/switch";
import { WorkspaceSwitcherForm } from "./WorkspaceSwitcherForm";

/** The header's workspace: its name, or a switcher for someone who works on several desks. */
export async function WorkspaceSwitcher({ actor }: { actor: Actor }) {
  const workspaces = await listMyWorkspaces({ actor });
  if (workspaces.length < 2) return <span aria-label="Workspace">{actor.workspaceName}</span>;
  return <WorkspaceSwitcherForm workspaces={workspaces} />;
}
