"use client";

import { useState } from "react";
import type { AnnotationView } from "@/lib/annotations/view";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import { compareFields, fieldsOf, resolveFields, type AnnotationFields, type FieldName } from "./annotation-fields";

type Props = {
  /** The annotation as this form started from it. */
  base: AnnotationView;
  /** What the form holds now. */
  mine: AnnotationFields;
  /** Their saved copy (the 409's `details.current`). */
  theirs: AnnotationView;
  choices: VerdictChoice[];
  /** The chosen values, to save against `theirs.version`. */
  onResolve: (fields: AnnotationFields, theirs: AnnotationView) => void;
};

const LABELS: Record<FieldName, string> = {
  claim: "Claim",
  claimant: "Claimant",
  verdict: "Verdict",
  rationale: "Rationale",
  sources: "Sources",
};

/**
 * After a 409: field by field, their value, yours and the one you started from; take theirs or
 * keep yours for each, then the form saves against their version. Nothing of theirs is replaced
 * unseen: every field they changed is listed.
 */
export function ConflictCompare({ base, mine, theirs, choices, onResolve }: Props) {
  const theirFields = fieldsOf(theirs);
  const baseFields = fieldsOf(base);
  const rows = compareFields(baseFields, mine, theirFields);
  const [keepMine, setKeepMine] = useState<Partial<Record<FieldName, boolean>>>(() =>
    Object.fromEntries(rows.map((r) => [r.name, r.keepMine])),
  );
  const show = (name: FieldName, fields: AnnotationFields) => {
    if (name === "verdict") return choices.find((c) => c.key === fields.verdict)?.label ?? fields.verdict;
    if (name === "sources")
      return (
        fields.sources
          .map((s) => s.url)
          .filter(Boolean)
          .join("\n") || "(none)"
      );
    return fields[name] || "(empty)";
  };
  return (
    <section className="conflict" role="alert" aria-label="Conflicting changes" data-testid="conflict-compare">
      <p>
        Someone saved this annotation while you edited it (now version {theirs.version}). Choose, for each field that
        differs, their value or yours; then save.
      </p>
      {rows.length === 0 && <p>Their changes match yours.</p>}
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">You started from</th>
            <th scope="col">Theirs</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name }) => (
            <tr key={name} data-field={name}>
              <th scope="row">{LABELS[name]}</th>
              <td className="conflict-value">{show(name, baseFields)}</td>
              <td className="conflict-value">
                <label>
                  <input
                    type="radio"
                    name={`conflict-${name}`}
                    checked={!keepMine[name]}
                    onChange={() => setKeepMine({ ...keepMine, [name]: false })}
                  />{" "}
                  Take theirs
                </label>
                <div data-testid={`theirs-${name}`}>{show(name, theirFields)}</div>
              </td>
              <td className="conflict-value">
                <label>
                  <input
                    type="radio"
                    name={`conflict-${name}`}
                    checked={Boolean(keepMine[name])}
                    onChange={() => setKeepMine({ ...keepMine, [name]: true })}
                  />{" "}
                  Keep yours
                </label>
                <div data-testid={`mine-${name}`}>{show(name, mine)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="primary"
        onClick={() => onResolve(resolveFields(mine, theirFields, keepMine), theirs)}
      >
        Use these values
      </button>{" "}
      <span className="muted">then Save to apply them on top of version {theirs.version}.</span>
    </section>
  );
}
