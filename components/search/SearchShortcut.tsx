"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * "/" anywhere in the app focuses search: the search field of the page when it has one
 * (/search, Articles), else it opens /search, whose field takes the focus. Typing "/" into a
 * field, or into the article's editor, stays typing.
 */
export function SearchShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as HTMLElement).closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      const field = document.querySelector<HTMLInputElement>("[data-search-field]");
      if (field) {
        field.focus();
        field.select();
      } else router.push("/search");
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);
  return null;
}
