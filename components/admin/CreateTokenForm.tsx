"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/(app)/admin/tokens/actions";
import { ActionMessage } from "./ActionMessage";
import { CopyButton } from "./CopyButton";

export function CreateTokenForm() {
  const [result, action, pending] = useActionState(createTokenAction, null);
  const nameError = result && !result.ok ? result.fieldErrors?.name?.[0] : undefined;
  return (
    <form action={action} noValidate>
      <div className="form-row">
        <div>
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="Partner: Example News"
            aria-describedby="token-name-error"
          />
          {nameError && (
            <p className="field-error" id="token-name-error">
              {nameError}
            </p>
          )}
        </div>
        <div>
          <button className="primary" type="submit" disabled={pending}>
            Create token
          </button>
        </div>
      </div>
      <ActionMessage result={result} />
      {result?.ok && result.token && (
        <p>
          <label htmlFor="new-token-value">New token</label>
          <input
            id="new-token-value"
            readOnly
            value={result.token}
            size={60}
            onFocus={(event) => event.currentTarget.select()}
          />{" "}
          <CopyButton value={result.token} label="Copy token" />
        </p>
      )}
    </form>
  );
}
