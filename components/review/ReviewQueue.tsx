"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { QueueItem } from "@/lib/reviews/queue";
import { annotationHref } from "@/lib/annotations/links";
import { formatDateTime } from "@/lib/format";
import { annotationApi } from "@/components/annotate/api-client";
import { VerdictChip } from "@/components/annotate/VerdictChip";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

/**
 * The queue, keyboard first: j/k move between items, a approves, r opens the comment for
 * requesting changes (Ctrl+Enter sends it), o opens the item in its article. Decided items leave
 * the list; a refusal (someone else decided first, say) is shown on the item.
 */
export function ReviewQueue({ initialItems }: { initialItems: QueueItem[] }) {
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  const [current, setCurrent] = useState(0);
  const [commenting, setCommenting] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({});

  async function decide(item: QueueItem, status: "APPROVED" | "CHANGES_REQUESTED") {
    const result = await annotationApi.changeStatus(item.id, {
      status,
      comment: status === "CHANGES_REQUESTED" ? comment : null,
      version: item.version,
    });
    if (!result.ok) return setErrors((e) => ({ ...e, [item.id]: result.error.message }));
    setItems((list) => list.filter((i) => i.id !== item.id));
    setCommenting(null);
    setComment("");
    setDone(`${status === "APPROVED" ? "Approved" : "Sent back"}: “${item.claim}”.`);
  }

  const focused = items[Math.min(current, items.length - 1)];
  useEffect(() => {
    if (focused && !commenting) refs.current[focused.id]?.focus();
  }, [focused, commenting]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = (event.target as HTMLElement).closest("textarea, input, select");
      if (typing || event.ctrlKey || event.metaKey || event.altKey || !focused) return;
      if (event.key === "j") setCurrent((i) => Math.min(items.length - 1, i + 1));
      else if (event.key === "k") setCurrent((i) => Math.max(0, i - 1));
      else if (event.key === "a") void decide(focused, "APPROVED");
      else if (event.key === "r") setCommenting(focused.id);
      else if (event.key === "o") router.push(annotationHref(focused.article.id, focused.id));
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  if (items.length === 0)
    return (
      <p className="muted" role="status">
        {done ? `${done} ` : ""}Nothing is waiting for review.
      </p>
    );

  return (
    <>
      <p role="status" className="success">
        {done}
      </p>
      <ol className="queue" data-testid="review-queue">
        {items.map((item, index) => (
          <li
            key={item.id}
            ref={(element) => {
              refs.current[item.id] = element;
            }}
            tabIndex={-1}
            className={index === current ? "queue-item current card" : "queue-item card"}
            aria-current={index === current ? "true" : undefined}
            onFocus={() => setCurrent(index)}
            data-testid="queue-item"
          >
            <p>
              <VerdictChip verdict={item.verdict} /> <strong>{item.claim}</strong>
            </p>
            <blockquote className="quoted-span">{item.quote}</blockquote>
            {item.rationale && <p>{item.rationale}</p>}
            <p className="muted">
              {item.author.name} · <a href={annotationHref(item.article.id, item.id)}>{item.article.title}</a> ·
              submitted {formatDateTime(item.submittedAt)} · {item.sourceCount} source
              {item.sourceCount === 1 ? "" : "s"}
            </p>
            {commenting === item.id ? (
              <div>
                <label htmlFor={`comment-${item.id}`}>What needs to change</label>
                <textarea
                  id={`comment-${item.id}`}
                  autoFocus
                  rows={2}
                  value={comment}
                  onChange={(event) => setComment(event.currentTarget.value)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" && (event.ctrlKey || event.metaKey))
                      void decide(item, "CHANGES_REQUESTED");
                    if (event.key === "Escape") setCommenting(null);
                  }}
                />
                <div className="form-row">
                  <button type="button" onClick={() => void decide(item, "CHANGES_REQUESTED")}>
                    Send back <kbd>Ctrl+Enter</kbd>
                  </button>
                  <button type="button" className="link" onClick={() => setCommenting(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <div className="form-row">
                <button type="button" className="primary" onClick={() => void decide(item, "APPROVED")}>
                  Approve <kbd>a</kbd>
                </button>
                <button type="button" onClick={() => setCommenting(item.id)}>
                  Request changes <kbd>r</kbd>
                </button>
              </div>
            )}
            <ErrorMessage message={errors[item.id]} />
          </li>
        ))}
      </ol>
    </>
  );
}
