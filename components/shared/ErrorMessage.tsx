import type { ReactNode } from "react";

type Props = {
  /** What went wrong; nothing is rendered without it, unless `standing`. */
  message: ReactNode;
  /**
   * Keep the (empty) paragraph in the page before any message: a live region that exists from
   * load is announced more reliably than one inserted with its text (forms people submit often).
   */
  standing?: boolean;
  /** A `<span>` where the message sits inside a line (a table cell, a row of controls). */
  inline?: boolean;
  "data-testid"?: string;
};

/** A failure the person must read: in red, and announced at once to screen readers (role="alert"). */
export function ErrorMessage({ message, standing = false, inline = false, "data-testid": testId }: Props) {
  const empty = message === null || message === undefined || message === false || message === "";
  if (empty && !standing) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag className="error" role="alert" data-testid={testId}>
      {message}
    </Tag>
  );
}
