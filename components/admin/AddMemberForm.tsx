"use client";

import { useActionState, useRef } from "react";
import { addMemberAction } from "@/app/(app)/admin/people/actions";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import { ActionMessage } from "./ActionMessage";

export function AddMemberForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [result, action, pending] = useActionState(async (previous: Parameters<typeof addMemberAction>[0], form: FormData) => {
    const outcome = await addMemberAction(previous, form);
    if (outcome.ok) formRef.current?.reset();
    return outcome;
  }, null);
  const fieldError = (name: string) =>
    result && !result.ok && result.fieldErrors?.[name]?.[0] ? (
      <p className="field-error" id={`${name}-error`}>
        {result.fieldErrors[name][0]}
      </p>
    ) : null;

  return (
    <form ref={formRef} action={action} noValidate>
      <div className="form-row">
        <div>
          <label htmlFor="member-name">Name</label>
          <input id="member-name" name="name" required maxLength={120} aria-describedby="name-error" />
          {fieldError("name")}
        </div>
        <div>
          <label htmlFor="member-email">Email</label>
          <input id="member-email" name="email" type="email" required maxLength={254} aria-describedby="email-error" />
          {fieldError("email")}
        </div>
        <div>
          <label htmlFor="member-role">Role</label>
          <select id="member-role" name="role" defaultValue="REVIEWER">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="member-password">Initial password</label>
          <input id="member-password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} aria-describedby="password-error" />
          {fieldError("password")}
        </div>
        <div>
          <button className="primary" type="submit" disabled={pending}>
            Add person
          </button>
        </div>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
