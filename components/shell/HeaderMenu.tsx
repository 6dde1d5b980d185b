"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's navigation and account controls. Wide screens show them in the header row; on a
 * phone (see globals.css) they fold behind a Menu button, which closes again on navigation.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen((shown) => !shown)}
      >
        Menu
      </button>
      <div id="header-menu" className="header-menu" data-open={open}>
        {children}
      </div>
    </>
  );
}
