"use client";

import { useEffect } from "react";

/**
 * j and k move the focus through the results of the /search page (Enter then follows the focused
 * link, to the annotation itself). Typing in a field is left alone.
 */
export function ResultKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        (event.target as HTMLElement).closest("input, textarea, select, [contenteditable='true']")
      )
        return;
      if (event.key !== "j" && event.key !== "k") return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-search-result]")];
      if (links.length === 0) return;
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = current === -1 ? 0 : Math.max(0, Math.min(links.length - 1, current + (event.key === "j" ? 1 : -1)));
      links[next].focus();
      links[next].scrollIntoView({ block: "nearest" });
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
