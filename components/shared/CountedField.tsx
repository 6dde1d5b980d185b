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

/** A labelled textarea with its character count (no maxLength: see CharCount). */
export function CountedTextarea({
  id,
  label,
  value,
  max,
  onValueChange,
  notice,
  ...textarea
}: Counted & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Owned>) {
  return (
    <CountedFrame id={id} label={label} value={value} max={max} notice={notice}>
      <textarea
        {...textarea}
        id={id}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-describedby={`${id}-count`}
      />
    </CountedFrame>
  );
}

/** A labelled one-line input with its character count. */
export function CountedInput({
  id,
  label,
  value,
  max,
  onValueChange,
  notice,
  ...input
}: Counted & Omit<InputHTMLAttributes<HTMLInputElement>, Owned>) {
  return (
    <CountedFrame id={id} label={label} value={value} max={max} notice={notice}>
      <input
        {...input}
        id={id}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-describedby={`${id}-count`}
      />
    </CountedFrame>
  );
}
