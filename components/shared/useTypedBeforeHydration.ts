"use client";

import { useLayoutEffect, type RefObject } from "react";

/** Marks a server-rendered field whose early typing is kept, under a name unique on the page. */
export const KEEP_TYPED_ATTRIBUTE = "data-keep-typed";

/**
 * What was typed into marked fields before this module ran. React does not always hydrate such a
 * field: when the page around a part whose code loads apart (the annotation detail) renders again
 * before that code has arrived, React drops the part's server HTML, shows its fallback and renders
 * it anew once the code is there, and the field's text is gone (seen under load; a test in
 * tests/e2e/session-expiry.spec.ts holds that code back). So a page with such a part imports this
 * module with its first code (ArticleWorkspace.tsx), before React has rendered anything.
 */
const typedBeforeCode = new Map<string, string>();
if (typeof document !== "undefined")
  for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(`[${KEEP_TYPED_ATTRIBUTE}]`))
    if (field.value) typedBeforeCode.set(field.getAttribute(KEEP_TYPED_ATTRIBUTE)!, field.value);

/**
 * Keeps what was typed into a server-rendered field before the page's code ran. That typing
 * reached no handler: React leaves it in the field as it hydrates but not in state, so the next
 * render would wipe it; and a field rendered anew has lost it (above), unless it is marked with
 * `keptAs` (render `{...{ [KEEP_TYPED_ATTRIBUTE]: keptAs }}` on it). `adopt` takes it into state
 * once, at mount; a field rendered in the browser starts equal to its value, so there it does nothing.
 */
export function useTypedBeforeHydration(
  field: RefObject<HTMLTextAreaElement | HTMLInputElement | null>,
  value: string,
  adopt: (typed: string) => void,
  keptAs?: string,
) {
  useLayoutEffect(() => {
    const kept = keptAs === undefined ? undefined : typedBeforeCode.get(keptAs);
    // Taken once: a field mounted again later (after a save) starts from its state.
    if (keptAs !== undefined) typedBeforeCode.delete(keptAs);
    const typed = field.current?.value || kept;
    if (typed !== undefined && typed !== value) adopt(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount
  }, []);
}
