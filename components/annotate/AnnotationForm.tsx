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
import type { AnnotationFields } from "./annotation-fields";
import { useLocalDraft, useRestoredDraft } from "@/components/shared/useLocalDraft";
import { DraftNotice } from "@/components/shared/DraftNotice";
import { draftNameOf, prefillWasCut, pristineFieldsOf, type DraftFields, type FormTarget } from "./annotation-draft";
import { CountedInput, CountedTextarea } from "@/components/shared/CountedField";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Target = FormTarget;

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
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(element.type));

/** Create or edit an annotation. Number keys 1–9 pick a verdict whenever focus is not in a text field. */
export function AnnotationForm({ target, choices, onSaved, onCancel, onNewerVersion }: Props) {
  const editing = target.kind === "edit" ? target.annotation : null;
  // A draft kept in local storage (after a reload, a crash or an expired session) wins over the saved copy.
  const pristine = pristineFieldsOf(target);
  const restored = useRestoredDraft<DraftFields>(draftNameOf(target));
  const start = restored?.value ?? pristine;
  const [claim, setClaim] = useState(start.claim);
  const [claimant, setClaimant] = useState(start.claimant);
  const [verdict, setVerdict] = useState(start.verdict);
  const [rationale, setRationale] = useState(start.rationale);
  const [sources, setSources] = useState<SourceDraft[]>(start.sources);
  const [note, setNote] = useState(start.note);
  const [version, setVersion] = useState(start.version);
  const draft = useLocalDraft<DraftFields>(
    draftNameOf(target),
    { claim, claimant, verdict, rationale, sources, note, version },
    pristine,
  );
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<AnnotationView | null>(null);
  // What this form's values were started from: the third column of a conflict's comparison.
  const [base, setBase] = useState(editing);
  const [pending, setPending] = useState(false);
  const [reused, setReused] = useState<Reuse | null>(null);
  const quote = editing?.quote ?? (target.kind === "create" ? target.quote : "");
  // A retired option stays on the annotations that have it, so keep it in this form's choices.
  const options =
    editing && !choices.some((c) => c.key === editing.verdict.key)
      ? [...choices, { ...editing.verdict, description: "Retired" }]
      : choices;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Escape closes the form from anywhere in it, as the Cancel button does.
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      return cancel();
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    const option = /^[1-9]$/.test(event.key) ? options[Number(event.key) - 1] : undefined;
    if (option) {
      event.preventDefault();
      setVerdict(option.key);
      // Focus follows the choice, so Tab goes on to Rationale rather than into the radio group.
      event.currentTarget
        .querySelector<HTMLInputElement>(`input[name="verdict"][value="${CSS.escape(option.key)}"]`)
        ?.focus();
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
    const fields = {
      claim,
      claimant,
      verdict,
      rationale,
      sources: sources.filter((s) => Object.values(s).some((v) => v.trim())),
    };
    const body =
      target.kind === "create"
        ? {
            revisionId: target.revisionId,
            start: target.start,
            end: target.end,
            quote: target.quote,
            ...fields,
            note,
            ...reused?.from,
          }
        : { version, ...fields };
    const check = (target.kind === "create" ? createAnnotationSchema : updateAnnotationSchema).safeParse(body);
    if (!check.success) {
      setError(describeZodError(check.error));
      return;
    }
    setPending(true);
    setError(null);
    const result =
      target.kind === "create"
        ? await annotationApi.create(target.articleId, body)
        : await annotationApi.update(target.annotation.id, body);
    setPending(false);
    if (result.ok) {
      draft.clear();
      onSaved(result.data);
    } else fail(result.error);
  }

  /** Cancel means "throw these edits away", so the draft goes too. */
  function cancel() {
    draft.clear();
    onCancel();
  }

  function discardDraft() {
    draft.clear();
    setClaim(pristine.claim);
    setClaimant(pristine.claimant);
    setVerdict(pristine.verdict);
    setRationale(pristine.rationale);
    setSources(pristine.sources);
    setNote(pristine.note);
    setVersion(pristine.version);
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
    <form
      className="annotation-form"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={editing ? "Edit annotation" : "New annotation"}
    >
      <h2>{editing?.correction ? "Edit correction" : editing ? "Edit annotation" : "New annotation"}</h2>
      {editing?.correction && (
        <p className="correction-of" data-testid="correction-of">
          A correction of a published check by {editing.correction.of.author.name}. Its public note: “
          {editing.correction.note}”
        </p>
      )}
      {restored && <DraftNotice savedAt={restored.savedAt} onDiscard={discardDraft} />}
      <figure className="quoted-span">
        <figcaption>Quoted span</figcaption>
        <blockquote data-testid="quoted-span">{quote}</blockquote>
      </figure>

      <CountedTextarea
        id="claim"
        label="Claim"
        value={claim}
        max={LIMITS.claim}
        onValueChange={setClaim}
        rows={3}
        required
        autoFocus
        notice={
          prefillWasCut(target) && (
            <p className="prefill-notice" role="status" data-testid="prefill-notice">
              The passage is {quote.length.toLocaleString("en-GB")} characters: the claim starts with its first{" "}
              {LIMITS.claim.toLocaleString("en-GB")}, the limit. The quote keeps all of it.
            </p>
          )
        }
      />

      <CountedInput
        id="claimant"
        label="Claimant (who made the claim)"
        value={claimant}
        max={LIMITS.claimant}
        onValueChange={setClaimant}
      />
      {!editing && (
        <CheckedBefore
          claim={claim}
          claimant={claimant}
          choices={options}
          reused={reused}
          onReuse={(r) => (
            setReused(r),
            setVerdict(r.verdict ?? verdict),
            setRationale(r.rationale),
            setSources(r.sources)
          )}
        />
      )}

      <fieldset className="verdict-picker">
        <legend>Verdict (keys 1–{options.length})</legend>
        {options.map((option, i) => (
          <label key={option.key} className="verdict-option" title={option.description ?? undefined}>
            <input
              type="radio"
              name="verdict"
              value={option.key}
              checked={verdict === option.key}
              onChange={() => setVerdict(option.key)}
            />
            <span className="swatch" style={{ background: option.color }} aria-hidden="true" />
            <kbd aria-hidden="true">{i + 1}</kbd> {option.label}
          </label>
        ))}
      </fieldset>

      <CountedTextarea
        id="rationale"
        label="Rationale"
        value={rationale}
        max={LIMITS.rationale}
        onValueChange={setRationale}
        rows={4}
      />

      <SourcesFieldset sources={sources} onChange={setSources} onAdd={() => setSources([...sources, emptySource()])} />

      {!editing && (
        <CountedTextarea
          id="first-note"
          label="First note"
          value={note}
          max={LIMITS.note}
          onValueChange={setNote}
          rows={2}
        />
      )}

      {conflict && base && (
        <ConflictCompare
          base={base}
          mine={{ claim, claimant, verdict, rationale, sources }}
          theirs={conflict}
          choices={options}
          onResolve={takeNewerVersion}
        />
      )}
      <ErrorMessage message={error} standing data-testid="form-error" />
      <div className="form-actions">
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
