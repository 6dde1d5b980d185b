"use client";

import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { addMemberAction } from "@/app/(app)/admin/people/actions";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/http/action-result";
import { ActionMessage } from "./ActionMessage";

export function AddMemberForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [result, action, pending] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    const outcome = await addMemberAction(previous, form);
    if (outcome.ok) formRef.current?.reset();
    return outcome;
  }, null);
  // React resets a form after its action whatever the outcome; submitting through a transition
  // instead keeps what was typed after a refusal (the form above clears it after a success).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const fieldError = (name: string) =>
    result && !result.ok && result.fieldErrors?.[name]?.[0] ? (
      <p className="field-error" id={`${name}-error`}>
        {result.fieldErrors[name][0]}
      </p>
    ) : null;

  return (
    <form ref={formRef} action={action} onSubmit={submit} noValidate>
      <div className="form-row fields-top">
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
          <input
            id="member-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}

            aria-describedby="password-rule password-error"
          />
          <p className="hint" id="password-rule">
            At least 12 characters; they change it after signing in.
          </p>
          {fieldError("password")}
        </div>
        <div>
          <span className="label-spacer" aria-hidden="true" />
          <button className="primary" type="submit" disabled={pending}>
            Add person
          </button>
        </div>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
