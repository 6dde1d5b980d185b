import { textProblem } from "../validation";

/** JSON nested deeper than this is refused: no input of the app needs more than a handful of levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in JSON text, counted on the raw text before parsing
 * (60,000 levels parse, but overflow the stack later in JSON.stringify or any recursive walk).
 * Stops counting once past `limit`.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * The first string (key or value) in parsed JSON that cannot be stored as text, with its path
 * ("sources.0.title") and why; null when there is none. JSON escapes let a client send "\u0000"
 * and "\ud800", which every later step would have to guard against.
 */
export function findBadString(
  value: unknown,
  path: (string | number)[] = [],
): { field: string; problem: string } | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { field: path.join(".") || "body", problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: [...path, "(a key)"].join("."), problem: keyProblem };
      const found = findBadString(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
