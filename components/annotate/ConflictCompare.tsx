"use client";

import { useState, type ReactNode } from "react";
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

/** One field of a conflict: what the form started from, their saved value and yours (shown as given). */
export type ConflictRow = {
  name: string;
  label: string;
  base: ReactNode;
  theirs: ReactNode;
  mine: ReactNode;
  /** The default choice: yours where you changed the field, theirs where only they did. */
  keepMine: boolean;
};

/**
 * After a 409: field by field, their value, yours and the one you started from; take theirs or
 * keep yours for each, then the form saves against their version. Nothing of theirs is replaced
 * unseen: every field they changed is listed. Used by every versioned form (annotations, notes).
 */
export function FieldConflict({
  what,
  version,
  rows,
  onResolve,
}: {
  /** "annotation", "note": what someone saved meanwhile. */
  what: string;
  /** Their version, which the next save is made against. */
  version: number;
  rows: ConflictRow[];
  /** Per field, whether to keep yours. */
  onResolve: (keepMine: Record<string, boolean>) => void;
}) {
  const [keepMine, setKeepMine] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(rows.map((r) => [r.name, r.keepMine])),
  );
  return (
    <section className="conflict" role="alert" aria-label="Conflicting changes" data-testid="conflict-compare">
      <p>
        Someone saved this {what} while you edited it (now version {version}). Choose, for each field that differs,
        their value or yours; then save.
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
          {rows.map((row) => (
            <tr key={row.name} data-field={row.name}>
              <th scope="row">{row.label}</th>
              <td className="conflict-value" data-testid={`base-${row.name}`}>
                {row.base}
              </td>
              <td className="conflict-value">
                <label>
                  <input
                    type="radio"
                    name={`conflict-${row.name}`}
                    checked={!keepMine[row.name]}
                    onChange={() => setKeepMine({ ...keepMine, [row.name]: false })}
                  />{" "}
                  Take theirs
                </label>
                <div data-testid={`theirs-${row.name}`}>{row.theirs}</div>
              </td>
              <td className="conflict-value">
                <label>
                  <input
                    type="radio"
                    name={`conflict-${row.name}`}
                    checked={Boolean(keepMine[row.name])}
                    onChange={() => setKeepMine({ ...keepMine, [row.name]: true })}
                  />{" "}
                  Keep yours
                </label>
                <div data-testid={`mine-${row.name}`}>{row.mine}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={() => onResolve(keepMine)}>
        Use these values
      </button>{" "}
      <span className="muted">then Save to apply them on top of version {version}.</span>
    </section>
  );
}

/** The annotation form's conflict: its fields compared three ways (annotation-fields.ts). */
export function ConflictCompare({ base, mine, theirs, choices, onResolve }: Props) {
  const theirFields = fieldsOf(theirs);
  const baseFields = fieldsOf(base);
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
  const rows = compareFields(baseFields, mine, theirFields).map(({ name, keepMine }) => ({
    name,
    label: LABELS[name],
    base: show(name, baseFields),
    theirs: show(name, theirFields),
    mine: show(name, mine),
    keepMine,
  }));
  return (
    <FieldConflict
      what="annotation"
      version={theirs.version}
      rows={rows}
      onResolve={(keepMine) => onResolve(resolveFields(mine, theirFields, keepMine), theirs)}
    />
  );
}
