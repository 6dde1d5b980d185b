"use client";

import { useEffect, useRef } from "react";

/** Marks its content `data-interactive` once hydrated, as the article page does. */
export function Interactive({ children }) {
  const root = useRef(null);
  useEffect(() => {
    root.current.dataset.interactive = "true";
  }, []);
  return <div ref={root}>{children}</div>;
}
