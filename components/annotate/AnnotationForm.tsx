"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { AnnotationView } from "@/lib/annotations/view";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import { createAnnotationSchema, LIMITS, updateAnnotationSchema } from "@/lib/annotations/schemas";
import { describeZodError } from "@/lib/validation";
import { annotationApi, type ApiError } from "./api-client";
import { SourcesFieldset, emptySource, type SourceDraft } from "./SourcesFieldset";
import { CheckedBefore, type Reuse } from "./CheckedBefore";
import { ConflictCompare } from "./ConflictCompare";
import { draftOf, type AnnotationFields } from "./annotation-fields";

type Target =
  | { kind: "create"; articleId: string; revisionId: string; start: number; end: number; quote: string }
  | { kind: "edit"; annotation: AnnotationView };

type Props = {
  target: Target;
  choices: VerdictChoice[];
  onSaved: (annotation: AnnotationView) => void;
  onCancel: () => void;
  /** A 409 carried the current copy: show it on the page while the form keeps the user's edits. */
  onNewerVersion: (current: AnnotationView) => void;
};

/** Text fields where digits are typed, not verdict shortcuts. */
const isTextEntry = (element: EventTarget) =>
  element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(element.type));

/** Create or edit an annotation. Number keys 1–9 pick a verdict whenever focus is not in a text field. */
export function AnnotationForm({ target, choices, onSaved, onCancel, onNewerVersion }: Props) {
  const editing = target.kind === "edit" ? target.annotation : null;
  const [claim, setClaim] = useState(editing?.claim ?? (target.kind === "create" ? target.quote : ""));
  const [claimant, setClaimant] = useState(editing?.claimant ?? "");
  const [verdict, setVerdict] = useState(editing?.verdict.key ?? "");
  const [rationale, setRationale] = useState(editing?.rationale ?? "");
  const [sources, setSources] = useState<SourceDraft[]>(editing ? draftOf(editing) : []);
  const [note, setNote] = useState("");
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<AnnotationView | null>(null);
  // What this form's values were started from: the third column of a conflict's comparison.
  const [base, setBase] = useState(editing);
  const [pending, setPending] = useState(false);
  const [reused, setReused] = useState<Reuse | null>(null);
  const quote = editing?.quote ?? (target.kind === "create" ? target.quote : "");
  // A retired option stays on the annotations that have it, so keep it in this form's choices.
  const options = editing && !choices.some((c) => c.key === editing.verdict.key) ? [...choices, { ...editing.verdict, description: "Retired" }] : choices;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Escape closes the form from anywhere in it, as the Cancel button does.
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      return onCancel();
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    const option = /^[1-9]$/.test(event.key) ? options[Number(event.key) - 1] : undefined;
    if (option) {
      event.preventDefault();
      setVerdict(option.key);
    }
  }

  function fail(apiError: ApiError) {
    if (apiError.status === 409 && (apiError.details as { current?: AnnotationView })?.current) {
      setConflict((apiError.details as { current: AnnotationView }).current);
      setError(null);
    } else {
      setError(apiError.message);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = { claim, claimant, verdict, rationale, sources: sources.filter((s) => Object.values(s).some((v) => v.trim())) };
    const body =
      target.kind === "create"
        ? { revisionId: target.revisionId, start: target.start, end: target.end, quote: target.quote, ...fields, note, ...reused?.from }
        : { version, ...fields };
    const check = (target.kind === "create" ? createAnnotationSchema : updateAnnotationSchema).safeParse(body);
    if (!check.success) {
      setError(describeZodError(check.error));
      return;
    }
    setPending(true);
    setError(null);
    const result = target.kind === "create" ? await annotationApi.create(target.articleId, body) : await annotationApi.update(target.annotation.id, body);
    setPending(false);
    if (result.ok) onSaved(result.data);
    else fail(result.error);
  }

  function takeNewerVersion(fields: AnnotationFields, theirs: AnnotationView) {
    onNewerVersion(theirs);
    setClaim(fields.claim);
    setClaimant(fields.claimant);
    setVerdict(fields.verdict);
    setRationale(fields.rationale);
    setSources(fields.sources);
    setVersion(theirs.version);
    setBase(theirs);
    setConflict(null);
  }

  return (
    <form className="annotation-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={editing ? "Edit annotation" : "New annotation"}>
      <h2>{editing?.correction ? "Edit correction" : editing ? "Edit annotation" : "New annotation"}</h2>
      {editing?.correction && (
        <p className="correction-of" data-testid="correction-of">
          A correction of a published check by {editing.correction.of.author.name}. Its public note: “{editing.correction.note}”
        </p>
      )}
      <figure className="quoted-span">
        <figcaption>Quoted span</figcaption>
        <blockquote data-testid="quoted-span">{quote}</blockquote>
      </figure>

      <label htmlFor="claim">Claim</label>
      <textarea id="claim" value={claim} onChange={(e) => setClaim(e.target.value)} rows={3} maxLength={LIMITS.claim} required autoFocus />

      <label htmlFor="claimant">Claimant (who made the claim)</label>
      <input id="claimant" value={claimant} onChange={(e) => setClaimant(e.target.value)} maxLength={LIMITS.claimant} />
      {!editing && <CheckedBefore claim={claim} claimant={claimant} choices={options} reused={reused} onReuse={(r) => (setReused(r), setVerdict(r.verdict ?? verdict), setRationale(r.rationale), setSources(r.sources))} />}

      <fieldset className="verdict-picker">
        <legend>Verdict (keys 1–{options.length})</legend>
        {options.map((option, i) => (
          <label key={option.key} className="verdict-option" title={option.description ?? undefined}>
            <input type="radio" name="verdict" value={option.key} checked={verdict === option.key} onChange={() => setVerdict(option.key)} />
            <span className="swatch" style={{ background: option.color }} aria-hidden="true" />
            <kbd aria-hidden="true">{i + 1}</kbd> {option.label}
          </label>
        ))}
      </fieldset>

      <label htmlFor="rationale">Rationale</label>
      <textarea id="rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} rows={4} maxLength={LIMITS.rationale} />

      <SourcesFieldset sources={sources} onChange={setSources} onAdd={() => setSources([...sources, emptySource()])} />

      {!editing && (
        <>
          <label htmlFor="first-note">First note</label>
          <textarea id="first-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={LIMITS.note} />
        </>
      )}

      {conflict && base && (
        <ConflictCompare base={base} mine={{ claim, claimant, verdict, rationale, sources }} theirs={conflict} choices={options} onResolve={takeNewerVersion} />
      )}
      <p className="error" role="alert" data-testid="form-error">
        {error}
      </p>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
