import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { CharCount } from "./CharCount";

/** What every counted field takes; the count's element is `${id}-count`, which the field describes itself by. */
type Counted = {
  id: string;
  label: ReactNode;
  value: string;
  max: number;
  onValueChange: (value: string) => void;
  /** Said between the label and the field (the claim's "the passage was cut" notice). */
  notice?: ReactNode;
};

type Owned = "id" | "value" | "onChange" | "aria-describedby";

/** The label, the field and its length against the limit (CharCount), tied together by ids. */
function CountedFrame({
  id,
  label,
  value,
  max,
  notice,
  children,
}: Omit<Counted, "onValueChange"> & { children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {notice}
      {children}
      <CharCount id={`${id}-count`} value={value} max={max} />
    </>
  );
}

/** Splits a counted field's props into the frame's and the field's own (its id, value and description). */
function split<P extends Counted>({ id, label, value, max, onValueChange, notice, ...rest }: P) {
  return {
    frame: { id, label, value, max, notice },
    field: { ...rest, id, value, "aria-describedby": `${id}-count` },
    onValueChange,
  };
}

/** A labelled textarea with its character count (no maxLength: see CharCount). */
export function CountedTextarea(props: Counted & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Owned>) {
  const { frame, field, onValueChange } = split(props);
  return (
    <CountedFrame {...frame}>
      <textarea {...field} onChange={(e) => onValueChange(e.target.value)} />
    </CountedFrame>
  );
}

/** A labelled one-line input with its character count. */
export function CountedInput(props: Counted & Omit<InputHTMLAttributes<HTMLInputElement>, Owned>) {
  const { frame, field, onValueChange } = split(props);
  return (
    <CountedFrame {...frame}>
      <input {...field} onChange={(e) => onValueChange(e.target.value)} />
    </CountedFrame>
  );
}
