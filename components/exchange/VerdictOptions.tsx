import type { VerdictChoice } from "@/lib/verdicts/queries";

/** A select's options for "no verdict" (labelled `none`) and each verdict of the scale, by key. */
export function VerdictOptions({ choices, none }: { choices: VerdictChoice[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {choices.map((choice) => (
        <option key={choice.key} value={choice.key}>
          {choice.label}
        </option>
      ))}
    </>
  );
}
