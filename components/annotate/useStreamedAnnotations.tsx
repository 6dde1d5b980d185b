"use client";

import { useCallback, useEffect, useState } from "react";
import type { AnnotationSummary } from "@/lib/annotations/view";
import { unpackSummaries, type PackedSummaries } from "@/lib/annotations/summary-wire";

/**
 * The article page's annotations may arrive after its text (#15): unless the server has already
 * read a short list by the time the text is ready (then it sends it with the text, and the
 * highlights are in the page's first HTML), it streams the summaries as a promise, so on a long,
 * heavily annotated article the text paints and hydrates while the server still reads and
 * serialises 2,000 of them. The page handles selections meanwhile: what this tab creates, changes
 * or deletes before the list arrives is replayed over it; a later list (a refresh) replaces the
 * one the page holds, with what changed while it was on its way replayed over it likewise. The
 * list comes packed as one JSON text (lib/annotations/summary-wire.ts).
 */

/**
 * The packed list itself, or the promise of it. The list is wrapped so that every server response
 * sends a new object: a refresh that brings the same text still replaces what the page holds, which
 * may have drifted from it (a live stream that missed events asks for a refresh for that).
 */
export type SentAnnotations = { packed: PackedSummaries } | Promise<PackedSummaries>;

const sentWithText = (sent: SentAnnotations): sent is { packed: PackedSummaries } => "packed" in sent;

export type AnnotationsChange = (list: AnnotationSummary[]) => AnnotationSummary[];

export const byPosition = (a: AnnotationSummary, b: AnnotationSummary) => a.start - b.start || b.end - a.end;

export type StreamedAnnotations = {
  list: AnnotationSummary[];
  /** The changes made while a list is on its way (the first, or a refresh's); null when none is. */
  early: AnnotationsChange[] | null;
  /** Whether a list has arrived yet: until then the page says it is loading them. */
  arrived: boolean;
};

export const beforeArrival: StreamedAnnotations = { list: [], early: [], arrived: false };

/** A refresh's list is on its way: the page keeps showing the list it holds and records changes to replay. */
export const awaitingRefresh = (state: StreamedAnnotations): StreamedAnnotations => ({ ...state, early: [] });

/** A change the page makes (a save, a deletion, a live event), remembered until the list arrives. */
export const withChange = (state: StreamedAnnotations, update: AnnotationsChange): StreamedAnnotations => ({
  ...state,
  list: update(state.list),
  early: state.early && [...state.early, update],
});

/**
 * The server's list in text order, with the changes made before it arrived replayed over it. An
 * empty list on an empty page keeps the page's array, so the memoised editor and list skip it.
 */
export function withArrival(state: StreamedAnnotations, arrived: AnnotationSummary[]): StreamedAnnotations {
  const list = (state.early ?? []).reduce((list, update) => update(list), [...arrived].sort(byPosition));
  return { list: list.length === 0 && state.list.length === 0 ? state.list : list, early: null, arrived: true };
}

/**
 * The annotations the page holds: the list sent with the text, or the streamed one once its promise
 * settles. The promise is followed from an effect rather than read with use() in a Suspense
 * boundary: such a boundary waits for the server's HTML of it to be revealed, which React batches
 * and throttles (up to 300 ms), though it renders nothing.
 */
export function useStreamedAnnotations(sent: SentAnnotations) {
  const [state, setState] = useState(() =>
    sentWithText(sent) ? withArrival(beforeArrival, unpackSummaries(sent.packed)) : beforeArrival,
  );
  // A refresh sends a new list or promise (React's pattern for state that follows a prop).
  const [followed, setFollowed] = useState(sent);
  if (followed !== sent) {
    setFollowed(sent);
    setState((current) =>
      sentWithText(sent) ? withArrival(current, unpackSummaries(sent.packed)) : awaitingRefresh(current),
    );
  }
  useEffect(() => {
    if (sentWithText(sent)) return;
    let current = true;
    sent.then(
      (arrived) => current && setState((state) => withArrival(state, unpackSummaries(arrived))),
      (error) =>
        current &&
        setState(() => {
          // To the page's error boundary, as any failed read of the page's data.
          throw error;
        }),
    );
    return () => {
      current = false;
    };
  }, [sent]);
  const change = useCallback((update: AnnotationsChange) => setState((current) => withChange(current, update)), []);
  return { annotations: state.list, arrived: state.arrived, change };
}
