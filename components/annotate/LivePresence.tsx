"use client";

import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import type { LiveViewer } from "./useArticleEvents";

/** The slot in the article's header (app/(app)/articles/[id]/page.tsx) where presence shows. */
export const PRESENCE_SLOT_ID = "article-presence";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

const noSubscription = () => () => {};

/** Who else has the article open, as initials in its header. Advisory: a closed tab leaves within 30 s. */
export function LivePresence({ viewers, viewerId }: { viewers: LiveViewer[]; viewerId: string }) {
  // The slot is server-rendered and never moves: read it after hydration, nothing to subscribe to.
  const slot = useSyncExternalStore(
    noSubscription,
    () => document.getElementById(PRESENCE_SLOT_ID),
    () => null,
  );
  const others = viewers.filter((v) => v.userId !== viewerId);
  if (!slot) return null;
  return createPortal(
    <ul className="presence" aria-label="Also viewing" data-testid="presence">
      {others.map((v) => (
        <li
          key={v.userId}
          className="presence-avatar"
          title={v.editing ? `${v.name} (editing)` : v.name}
          aria-label={v.name}
        >
          {initials(v.name)}
        </li>
      ))}
    </ul>,
    slot,
  );
}

/** "X is editing" on an annotation while someone else has its form open. */
function EditingNotice({
  viewers,
  viewerId,
  annotationId,
}: {
  viewers: LiveViewer[];
  viewerId: string;
  annotationId: string;
}) {
  const editors = viewers.filter((v) => v.userId !== viewerId && v.editing === annotationId);
  if (editors.length === 0) return null;
  return (
    <p className="notice editing-notice" role="status" data-testid="editing-notice">
      {editors.map((v) => v.name).join(", ")} {editors.length === 1 ? "is" : "are"} editing this annotation.
    </p>
  );
}

/** A newer revision arrived: the page offers to reload instead of replacing the text under a selection. */
export function RevisionBanner({ revision, by }: { revision: number; by: string | null }) {
  return (
    <p className="notice revision-banner" role="status" data-testid="revision-banner">
      Revision {revision}
      {by ? ` by ${by}` : ""} is out.{" "}
      <button type="button" className="link" onClick={() => window.location.reload()}>
        Reload
      </button>
    </p>
  );
}

/**
 * Above the open annotation: who else is editing it, and, when someone saved it while this tab's
 * form is open, who did (the form keeps its text; saving shows the comparison).
 */
export function PanelNotices({
  viewers,
  viewerId,
  annotationId,
  changedBy,
}: {
  viewers: LiveViewer[];
  viewerId: string;
  annotationId: string;
  changedBy?: string;
}) {
  return (
    <>
      {changedBy && (
        <p className="notice changed-notice" role="status" data-testid="changed-notice">
          Changed by {changedBy} while you edit. Your text stays here; Save shows their changes field by field before
          anything is replaced.
        </p>
      )}
      <EditingNotice viewers={viewers} viewerId={viewerId} annotationId={annotationId} />
    </>
  );
}
