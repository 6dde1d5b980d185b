/**
 * The performance mark the article page sets when it turns interactive (with `data-interactive`):
 * the scripts it requested before that are what it needed to get there (bench/page-js.ts).
 */
export const INTERACTIVE_MARK = "factmark:interactive";
