import type { Actor } from "@/lib/auth/actor";
import type { HeaderContext } from "@/lib/shell/header";
import { WorkspaceSwitcherForm } from "./WorkspaceSwitcherForm";

/** The header's workspace: its name, or a switcher for someone who works on several desks. */
export async function WorkspaceSwitcher({ actor, context }: { actor: Actor; context: Promise<HeaderContext> }) {
  const { workspaces } = await context;
  if (workspaces.length < 2) return <span aria-label="Workspace">{actor.workspaceName}</span>;
  return <WorkspaceSwitcherForm workspaces={workspaces} />;
}
