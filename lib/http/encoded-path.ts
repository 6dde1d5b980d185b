/**
 * True when a URL path cannot be percent-decoded ("%E0%A4%A", "%zz", a lone "%"): Next decodes
 * route parameters itself and answers such paths with a 500, so the proxy refuses them first.
 */
export function hasBrokenPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
