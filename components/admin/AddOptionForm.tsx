"use client";

import { useActionState } from "react";
import { addOptionAction } from "@/app/(app)/admin/scale/actions";
import { ActionMessage } from "./ActionMessage";

export function AddOptionForm() {
  const [result, action, pending] = useActionState(addOptionAction, null);
  return (
    <form action={action} aria-label="Add a verdict">
      <div className="form-row">
        <div>
          <label htmlFor="option-key">Key</label>
          <input id="option-key" name="key" required placeholder="half-true" maxLength={64} />
        </div>
        <div>
          <label htmlFor="option-label">Label</label>
          <input id="option-label" name="label" required maxLength={60} />
        </div>
        <div>
          <label htmlFor="option-color">Colour</label>
          <input id="option-color" name="color" type="color" defaultValue="#6b7280" />
        </div>
        <div>
          <label htmlFor="option-rating">Rating (blank: none)</label>
          <input id="option-rating" name="rating" type="number" style={{ width: "6rem" }} />
        </div>
        <div>
          <button type="submit" className="primary" disabled={pending}>
            Add verdict
          </button>
        </div>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
