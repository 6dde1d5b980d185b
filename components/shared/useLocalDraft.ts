"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";

/**
 * Whose drafts, on which page: "<userId>:<articleId>", set by the article page around its panel.
 * A form outside any scope keeps no draft, so one person's words never surface for another who
 * signs in on the same browser.
 */
export const DraftScope = createContext<string | null>(null);

export type Draft<T> = { savedAt: number; value: T };

const PREFIX = "factmark.draft.v1:";
/** A draft nobody came back to in a week is stale: it is dropped when next read. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const storageKey = (scope: string, name: string) => `${PREFIX}${scope}:${name}`;

// Local storage can be missing (a locked-down browser) or full: drafts are a convenience, so
// every failure means "no draft", never an error in the form.
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readDraft<T>(key: string): Draft<T> | null {
  const store = storage();
  try {
    const raw = store?.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft<T>;
    if (typeof draft?.savedAt === "number" && Date.now() - draft.savedAt <= MAX_AGE_MS) return draft;
    store?.removeItem(key);
  } catch {
    // A corrupt entry is no draft.
  }
  return null;
}

function writeDraft(key: string, value: unknown) {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: Date.now(), value }));
  } catch {
    // Quota exceeded: the form still works, only the safety net is gone.
  }
}

function removeDraft(key: string) {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/**
 * The draft of `name` in the page's DraftScope as it was when the form mounted (read once, so the
 * form's fields can start from it), or null. Use it before the fields' state, and useLocalDraft
 * after it.
 */
export function useRestoredDraft<T>(name: string): Draft<T> | null {
  const scope = useContext(DraftScope);
  const [restored] = useState(() => (scope ? readDraft<T>(storageKey(scope, name)) : null));
  return restored;
}

/**
 * Keeps a form's `value` in local storage under the page's DraftScope and `name` whenever it
 * differs from `pristine` (what the form shows untouched), and removes it when it no longer does.
 * `clear` forgets it, for after a save or an explicit discard.
 */
export function useLocalDraft<T>(name: string, value: T, pristine: T): { clear: () => void } {
  const scope = useContext(DraftScope);
  const key = scope ? storageKey(scope, name) : null;
  const serialized = JSON.stringify(value);
  const untouched = serialized === JSON.stringify(pristine);
  // After clear(), the same value must not be written back while the form is still on screen.
  const clearedAt = useRef<string | null>(null);
  useEffect(() => {
    if (!key || clearedAt.current === serialized) return;
    clearedAt.current = null;
    if (untouched) removeDraft(key);
    else writeDraft(key, JSON.parse(serialized));
  }, [key, serialized, untouched]);
  return {
    clear: () => {
      clearedAt.current = serialized;
      if (key) removeDraft(key);
    },
  };
}

/**
 * The drafts in the page's scope whose names start with `prefix` (e.g. unsaved new annotations),
 * read after mount: the server render has no local storage, so the first paint shows none.
 */
export function useLocalDraftsNamed<T>(prefix: string): {
  drafts: { name: string; draft: Draft<T> }[];
  discard: (name: string) => void;
} {
  const scope = useContext(DraftScope);
  const [drafts, setDrafts] = useState<{ name: string; draft: Draft<T> }[]>([]);
  useEffect(() => {
    const store = storage();
    if (!scope || !store) return;
    const start = storageKey(scope, prefix);
    const found: { name: string; draft: Draft<T> }[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      const draft = key?.startsWith(start) ? readDraft<T>(key) : null;
      if (key && draft) found.push({ name: key.slice(storageKey(scope, "").length), draft });
    }
    // Local storage is outside React: reading it once after mount is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDrafts(found.sort((a, b) => b.draft.savedAt - a.draft.savedAt));
  }, [scope, prefix]);
  return {
    drafts,
    discard: (name) => {
      if (scope) removeDraft(storageKey(scope, name));
      setDrafts((current) => current.filter((d) => d.name !== name));
    },
  };
}

/** Forgets every draft on this browser: signing out on a shared computer leaves nothing behind. */
export function clearAllDrafts() {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  keys.forEach(removeDraft);
}
