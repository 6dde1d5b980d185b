"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * Keeps what was typed into a server-rendered field before the page's code ran. That typing
 * reached no handler: React leaves it in the field as it hydrates but not in state, so the next
 * render would wipe it. `adopt` takes it into state once, at mount; a field rendered in the
 * browser starts equal to its value, so there it does nothing.
 */
export function useTypedBeforeHydration(
  field: RefObject<HTMLTextAreaElement | HTMLInputElement | null>,
  value: string,
  adopt: (typed: string) => void,
) {
  useLayoutEffect(() => {
    const typed = field.current?.value;
    if (typed !== undefined && typed !== value) adopt(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount
  }, []);
}
