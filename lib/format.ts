/** "28 Nov 2026", in UTC so server and browser agree; an em dash for no date. */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "28 Nov 2026, 14:05 UTC". */
export function formatDateTime(date: Date | string): string {
  const parts = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;
  return `${new Date(date).toLocaleString("en-GB", { ...parts, timeZone: "UTC" })} UTC`;
}

/**
 * `text` cut to at most `max` UTF-16 units, the cut marked with an ellipsis: names a long claim in
 * a button or a line. A cut never splits an emoji's surrogate pair (half of one renders as �).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
