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
type Field = HTMLTextAreaElement | HTMLInputElement;
const typedBeforeCode = new Map<string, { field: Field; value: string }>();
/** The server's marked fields whose typing is still followed (until a hook has taken it). */
const serverFields = new Set<Field>();
if (typeof document !== "undefined") {
  document.querySelectorAll<Field>(`[${KEEP_TYPED_ATTRIBUTE}]`).forEach((field) => serverFields.add(field));
  const keep = (field: Field) =>
    typedBeforeCode.set(field.getAttribute(KEEP_TYPED_ATTRIBUTE)!, { field, value: field.value });
  for (const field of serverFields) if (field.value !== field.defaultValue) keep(field);
  // Typing from now until React renders such a field anew is kept too; a field React rendered
  // itself is not in the set, so nothing typed into it later is taken for early typing.
  document.addEventListener(
    "input",
    (event) => {
      const field = event.target as Field;
      if (serverFields.has(field)) keep(field);
    },
    true,
  );
}

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
    const element = field.current;
    // Taken once: a field mounted again later (after a save) starts from its state.
    if (keptAs !== undefined) typedBeforeCode.delete(keptAs);
    if (kept) serverFields.delete(kept.field);
    if (element) serverFields.delete(element);
    // Not rendered (a choice that is gone): nothing typed into it may be sent.
    if (!element) return;
    // Hydrated, the server's field is this one and holds the latest text; rendered anew, the
    // server's field is gone and its last text is in `kept`.
    const typed = kept && kept.field !== element ? kept.value : element.value;
    if (typed !== value) adopt(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount
  }, []);
}
