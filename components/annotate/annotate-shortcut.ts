/** Ctrl+Alt+M opens the annotation form on the selected span (as in common editors' "comment"): free in browsers and screen readers. */
export const isAnnotateShortcut = (event: KeyboardEvent) =>
  event.ctrlKey && event.altKey && event.key.toLowerCase() === "m";
