"use client";

import { useActionState } from "react";
import { requestSecondOpinionAction } from "@/app/(app)/articles/[id]/actions";
import { ActionMessage } from "@/components/admin/ActionMessage";

type Person = { id: string; name: string };

function PersonSelect({ id, name, label, people }: { id: string; name: string; label: string; people: Person[] }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} required defaultValue="">
        <option value="" disabled>
          Choose a reviewer
        </option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Editors: ask a second reviewer to check this article blind. */
export function SecondOpinionForm({ articleId, people }: { articleId: string; people: Person[] }) {
  const [result, action, pending] = useActionState(requestSecondOpinionAction, null);
  return (
    <form action={action} aria-label="Ask for a second opinion">
      <input type="hidden" name="articleId" value={articleId} />
      <div className="form-row">
        <PersonSelect id="first-reviewer" name="firstReviewerId" label="Work of" people={people} />
        <PersonSelect id="second-reviewer" name="secondReviewerId" label="Checked blind by" people={people} />
        <div>
          <button type="submit" className="primary" disabled={pending}>
            Ask for a blind second opinion
          </button>
        </div>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
