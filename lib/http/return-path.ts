/**
 * Where to send someone after sign-in: only a path on this app. Resolving against a placeholder
 * origin lets the URL parser decide, as a browser would: "/\evil.example", "/\t/evil.example"
 * and "//evil.example" all resolve to another host and are refused. Client-safe (the login
 * form re-checks before it navigates).
 */
const PLACEHOLDER_ORIGIN = "http://factmark.invalid";

export const DEFAULT_RETURN_PATH = "/articles";

export function safeReturnPath(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.length > 2048) return DEFAULT_RETURN_PATH;
  let resolved: URL;
  try {
    resolved = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return DEFAULT_RETURN_PATH;
  // The normalised form, so what the browser is sent is exactly what was checked.
  return resolved.pathname + resolved.search + resolved.hash;
}
