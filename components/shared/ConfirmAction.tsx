"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

type Props = {
  /** The button that asks ("Remove", "Delete", "Dismiss"). */
  label: string;
  /** Its accessible name where the visible word alone is ambiguous, as in a table of rows. */
  labelFor?: string;
  /** The asking button's class ("link" in tables and note actions). */
  className?: string;
  /** The question, in the page: what goes and what stays. */
  question: string;
  /** The confirming button's text, naming what it removes ("Remove “Ferry tickets…”"). */
  confirmLabel: string;
  /** Runs once confirmed; the caller shows its own outcome (a refusal, or the item gone). */
  onConfirm: () => Promise<void> | void;
};

/**
 * A destructive action confirmed in the page rather than with `window.confirm`: a native dialog
 * blocks every tab of the app, cannot be styled or tested without answering the browser, and
 * names nothing beyond its text. The question opens right after its button and takes focus (as a
 * group labelled by the question, so a screen reader reads it before anything is pressed); the
 * confirming button names what it removes; Escape or Cancel closes it and focus returns to the
 * button that asked.
 */
export function ConfirmAction({ label, labelFor, className, question, confirmLabel, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const questionId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking]);

  /** Closes the question; focus goes back to the button that asked (it stays rendered), not to the page's body. */
  function close() {
    setAsking(false);
    trigger.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Escape") return;
    // Handled here: an enclosing form's Escape (the annotation form's Cancel) must not also fire.
    event.preventDefault();
    event.stopPropagation();
    close();
  }

  async function confirm() {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      close();
    }
  }

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={labelFor}
        aria-expanded={asking}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
      {asking && (
        <div
          ref={panel}
          className="confirm-action"
          role="group"
          aria-labelledby={questionId}
          tabIndex={-1}
          onKeyDown={onKeyDown}
          data-testid="confirm-action"
        >
          <p id={questionId}>{question}</p>
          <button type="button" className="danger" disabled={pending} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
