import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** The app's own origins: where it says it is served (env), and where this request was sent. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  for (const configured of [process.env.NEXTAUTH_URL, process.env.FACTMARK_PUBLIC_URL]) {
    if (!configured) continue;
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // a malformed setting names no origin
    }
  }
  return origins;
}

/**
 * The CSRF rule for API writes. A browser attaches the session cookie to a request that another
 * site's page makes; it cannot make such a request carry `Content-Type: application/json`
 * without the app's consent (that needs a CORS preflight, which the app never grants), and it
 * always says where the request came from. So a write must be JSON (415 otherwise), and when
 * the browser names its origin (Origin, Sec-Fetch-Site), it must be this app (403 otherwise).
 * Scripts and the CLI send neither header and are not affected. Server actions have Next's
 * own origin check.
 */
export function assertSameOriginWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError("FORBIDDEN", "Cross-site requests may not change anything here");
  }
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigins(request).has(origin)) {
    throw new AppError("FORBIDDEN", "Cross-origin requests may not change anything here");
  }
  if (BODY_METHODS.has(request.method)) {
    const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
    if (type !== "application/json") {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json");
    }
  }
}
