"use client";

import { useLocalDraftsNamed } from "@/components/shared/useLocalDraft";
import { NEW_ANNOTATION_DRAFT, spanOfDraft, type DraftFields } from "./annotation-draft";
import type { TextSpan } from "@/lib/anchoring/offsets";

type Props = { article: { revisionId: string; text: string }; onResume: (span: TextSpan) => void };

/**
 * New annotations begun on this revision and never saved (the page was reloaded, the browser
 * crashed, the session expired): each can be reopened on its span with what was typed.
 */
export function UnsavedAnnotations({ article, onResume }: Props) {
  const { drafts, discard } = useLocalDraftsNamed<DraftFields>(NEW_ANNOTATION_DRAFT);
  const here = drafts.flatMap(({ name, draft }) => {
    const span = spanOfDraft(name, article.revisionId);
    return span && span.end <= article.text.length ? [{ name, span, claim: draft.value.claim }] : [];
  });
  if (here.length === 0) return null;
  return (
    <section className="unsaved-annotations" aria-labelledby="unsaved-heading">
      <h2 id="unsaved-heading">Not saved yet</h2>
      <ul>
        {here.map(({ name, span, claim }) => (
          <li key={name}>
            <span className="entry-claim">“{claim || article.text.slice(span.start, span.end)}”</span>{" "}
            <button type="button" onClick={() => onResume(span)}>
              Resume
            </button>{" "}
            <button type="button" className="link" onClick={() => discard(name)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
