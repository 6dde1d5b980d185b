import type { Role } from "../db/generated/enums";

export const ROLES = ["REVIEWER", "EDITOR", "ADMIN"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 };

/** Roles are nested: an admin may do whatever an editor may, an editor whatever a reviewer may. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const ROLE_LABEL: Record<Role, string> = { REVIEWER: "Reviewer", EDITOR: "Editor", ADMIN: "Admin" };

export type { Role };
