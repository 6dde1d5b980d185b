"use client";

import { use, useCallback, useLayoutEffect, useState } from "react";
import type { AnnotationSummary } from "@/lib/annotations/view";

/**
 * The article page's annotations arrive after its text (#15): the server sends the text as soon as
 * the article is read and streams the summaries as a promise, so on a long, heavily annotated
 * article the text paints and hydrates while the server still reads and serialises 2,000 of them.
 * The page handles selections meanwhile: what this tab creates, changes or deletes before the list
 * arrives is replayed over it; a later list (a refresh) replaces the one the page holds.
 */

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

export function useStreamedAnnotations() {
  const [state, setState] = useState(beforeArrival);
  const change = useCallback((update: AnnotationsChange) => setState((current) => withChange(current, update)), []);
  const adopt = useCallback((arrived: AnnotationSummary[]) => setState((current) => withArrival(current, arrived)), []);
  return { annotations: state.list, arrived: state.early === null, change, adopt };
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
