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

/** `text` cut to at most `max` characters, the cut marked with an ellipsis: names a long claim in a button or a line. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
