"use client";

import { useState } from "react";

/** Copies a value to the clipboard and says so; a secret shown once is easy to lose otherwise. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed"); // no clipboard (plain http, or permission refused): the field stays selectable
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {state === "copied" ? " Copied" : state === "failed" ? " Could not copy: select the text and copy it" : ""}
      </span>
    </>
  );
}
