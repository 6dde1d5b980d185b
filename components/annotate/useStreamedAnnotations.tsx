"use client";

import { use, useCallback, useLayoutEffect, useState } from "react";
import type { AnnotationSummary } from "@/lib/annotations/view";

/**
 * The article page's annotations may arrive after its text (#15): unless the server has already
 * read a short list by the time the text is ready (then it sends it with the text, and the
 * highlights are in the page's first HTML), it streams the summaries as a promise, so on a long,
 * heavily annotated article the text paints and hydrates while the server still reads and
 * serialises 2,000 of them. The page handles selections meanwhile: what this tab creates, changes
 * or deletes before the list arrives is replayed over it; a later list (a refresh) replaces the
 * one the page holds.
 */

/** The list itself, or the promise of it. */
export type SentAnnotations = AnnotationSummary[] | Promise<AnnotationSummary[]>;

export type AnnotationsChange = (list: AnnotationSummary[]) => AnnotationSummary[];

export const byPosition = (a: AnnotationSummary, b: AnnotationSummary) => a.start - b.start || b.end - a.end;

export type StreamedAnnotations = {
  list: AnnotationSummary[];
  /** The changes made before the list arrived; null once it has. */
  early: AnnotationsChange[] | null;
};

export const beforeArrival: StreamedAnnotations = { list: [], early: [] };

/** A change the page makes (a save, a deletion, a live event), remembered until the list arrives. */
export const withChange = ({ list, early }: StreamedAnnotations, update: AnnotationsChange): StreamedAnnotations => ({
  list: update(list),
  early: early && [...early, update],
});

/** The server's list in text order, with the changes made before it arrived replayed over it. */
export const withArrival = ({ early }: StreamedAnnotations, arrived: AnnotationSummary[]): StreamedAnnotations => ({
  list: (early ?? []).reduce((list, update) => update(list), [...arrived].sort(byPosition)),
  early: null,
});

/**
 * The annotations the page holds. `pending` is the promise still to hand to AnnotationsArrival
 * (null when the list came with the text), and `adopt` what it hands the list to.
 */
export function useStreamedAnnotations(sent: SentAnnotations) {
  const [state, setState] = useState(() => (Array.isArray(sent) ? withArrival(beforeArrival, sent) : beforeArrival));
  // A refresh sends a new list or promise (React's pattern for state that follows a prop).
  const [followed, setFollowed] = useState(sent);
  if (followed !== sent) {
    setFollowed(sent);
    if (Array.isArray(sent)) setState((current) => withArrival(current, sent));
  }
  const change = useCallback((update: AnnotationsChange) => setState((current) => withChange(current, update)), []);
  const adopt = useCallback((arrived: AnnotationSummary[]) => setState((current) => withArrival(current, arrived)), []);
  const pending = Array.isArray(sent) ? null : sent;
  return { annotations: state.list, arrived: state.early === null, pending, change, adopt };
}

/**
 * Hands the streamed list to the page once it has arrived; renders nothing. Place it in its own
 * Suspense boundary so that only it waits. The layout effect applies the list before the browser
 * paints, so its highlights show in the same frame as the commit that brought it.
 */
export function AnnotationsArrival({
  annotations,
  onArrive,
}: {
  annotations: Promise<AnnotationSummary[]>;
  onArrive: (list: AnnotationSummary[]) => void;
}) {
  const list = use(annotations);
  useLayoutEffect(() => onArrive(list), [list, onArrive]);
  return null;
}
