"use client";

import { useActionState } from "react";
import { changeRoleAction, setActiveAction } from "@/app/(app)/admin/people/actions";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import type { Member } from "@/lib/people/members";
import { ActionMessage } from "./ActionMessage";

export function MemberRow({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const [roleResult, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [activeResult, activeAction, activePending] = useActionState(setActiveAction, null);
  const result = activeResult ?? roleResult;

  return (
    <tr data-testid={`member-${member.email}`}>
      <td>
        {member.name}
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td>{member.email}</td>
      <td>
        <form action={roleAction} className="form-row">
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <select name="role" defaultValue={member.role} aria-label={`Role of ${member.name}`}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={rolePending}>
            Save role
          </button>
        </form>
      </td>
      <td>{member.active ? "Active" : "Deactivated"}</td>
      <td>
        <form action={activeAction}>
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <input type="hidden" name="active" value={member.active ? "false" : "true"} />
          <button type="submit" disabled={activePending || isSelf}>
            {member.active ? "Deactivate" : "Reactivate"}
          </button>
        </form>
        <ActionMessage result={result} />
      </td>
    </tr>
  );
}
