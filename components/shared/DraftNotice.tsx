"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";

/** Says that a form was filled from a local draft, and offers to throw the draft away. */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: number; onDiscard: () => void }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <p className="draft-notice" role="status" data-testid="draft-notice">
      Restored what you had not saved ({formatDateTime(new Date(savedAt))}).{" "}
      <button
        type="button"
        className="link"
        onClick={() => {
          setShown(false);
          onDiscard();
        }}
      >
        Discard draft
      </button>
    </p>
  );
}
