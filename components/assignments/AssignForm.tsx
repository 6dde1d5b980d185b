"use client";

import { useState } from "react";
import type { AssignmentView } from "@/lib/assignments/assignments";

type Person = { id: string; name: string };

/** Editors: who works on this article, each with an optional due day. Saving sends the whole list. */
export function AssignForm({
  articleId,
  people,
  initial,
}: {
  articleId: string;
  people: Person[];
  initial: AssignmentView[];
}) {
  const [chosen, setChosen] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(initial.map((a) => [a.userId, a.dueOn])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function save() {
    setPending(true);
    const assignments = Object.entries(chosen).map(([userId, dueOn]) => ({ userId, dueOn: dueOn || null }));
    const response = await fetch(`/api/articles/${articleId}/assignments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assignments }),
    }).catch(() => null);
    setPending(false);
    const json = await response?.json().catch(() => null);
    setMessage(
      response?.ok ? "Assignments saved." : (json?.error?.message ?? "Could not save the assignments; try again."),
    );
  }
  return (
    <form
      aria-label="Assign this article"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ul className="entries">
        {people.map((p) => (
          <li key={p.id} className="form-row">
            <label>
              <input
                type="checkbox"
                checked={p.id in chosen}
                onChange={(e) =>
                  setChosen((current) => {
                    const next = { ...current };
                    if (e.target.checked) next[p.id] = null;
                    else delete next[p.id];
                    return next;
                  })
                }
              />{" "}
              {p.name}
            </label>
            {p.id in chosen && (
              <label>
                Due{" "}
                <input
                  type="date"
                  aria-label={`Due date for ${p.name}`}
                  value={chosen[p.id] ?? ""}
                  onChange={(e) => setChosen({ ...chosen, [p.id]: e.target.value || null })}
                />
              </label>
            )}
          </li>
        ))}
      </ul>
      <button type="submit" className="primary" disabled={pending}>
        Save assignments
      </button>
      {message && (
        <p role="status" data-testid="assign-message">
          {message}
        </p>
      )}
    </form>
  );
}
