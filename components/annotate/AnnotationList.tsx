"use client";

import { memo, startTransition, useEffect, useMemo, useState } from "react";
import type { AnnotationSummary } from "@/lib/annotations/view";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import { VerdictChip } from "./VerdictChip";
import { Credit } from "./Credit";
import { afterNextPaint } from "./after-paint";

type Props = {
  annotations: AnnotationSummary[];
  /** False while the server is still streaming the article's annotations. */
  arrived: boolean;
  choices: VerdictChoice[];
  onChoose: (id: string) => void;
};

/**
 * Entries rendered when the list arrives. The rest follow in a transition once that is painted: on an
 * article with 2,000 annotations the full list is over half the page's DOM and would otherwise
 * hold up the highlights and the first interaction (#15). Every entry is still rendered, in order.
 */
const FIRST_ENTRIES = 100;

const STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"] as const;

/**
 * Every annotation on the article in text order, filterable by verdict, author and status.
 * Memoised: a selection in the article re-renders the workspace, and 2,000 entries re-rendered
 * on each one held the Annotate toolbar back by 60–80 ms (#15).
 */
export const AnnotationList = memo(function AnnotationList({ annotations, arrived, choices, onChoose }: Props) {
  const [verdict, setVerdict] = useState("");
  const [author, setAuthor] = useState("");
  const [status, setStatus] = useState("");
  const authors = useMemo(
    () => [...new Map(annotations.map((a) => [a.author.id, a.author.name])).entries()],
    [annotations],
  );
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    if (arrived) return afterNextPaint(() => startTransition(() => setComplete(true)));
  }, [arrived]);
  const shown = annotations.filter(
    (a) =>
      (!verdict || a.verdict.key === verdict) &&
      (!author || a.author.id === author) &&
      (!status || a.status === status),
  );

  return (
    <section aria-labelledby="annotation-list-heading" aria-busy={!arrived} className="annotation-list">
      <h2 id="annotation-list-heading">
        Annotations{" "}
        <span className="muted" role="status">
          {!arrived
            ? "(loading…)"
            : `(${shown.length === annotations.length ? annotations.length : `${shown.length} of ${annotations.length}`})`}
        </span>
      </h2>
      <div className="filters">
        <label>
          Verdict
          <select value={verdict} onChange={(e) => setVerdict(e.target.value)}>
            <option value="">All</option>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="">All</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      {annotations.length === 0 && !arrived ? (
        <p className="muted">Loading the annotations…</p>
      ) : annotations.length === 0 ? (
        <p className="muted">Select a passage of the article, then choose Annotate (or press Ctrl+Alt+M).</p>
      ) : (
        <ul className="entries">
          {(complete ? shown : shown.slice(0, FIRST_ENTRIES)).map((a) => (
            <li key={a.id}>
              <button type="button" className="entry" onClick={() => onChoose(a.id)} data-testid="annotation-entry">
                <VerdictChip verdict={a.verdict} />
                <span className="entry-claim">{a.claim}</span>
                <span className="muted">
                  <Credit author={a.author} correctedFrom={a.correctedFrom} /> · {a.noteCount}{" "}
                  {a.noteCount === 1 ? "note" : "notes"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
