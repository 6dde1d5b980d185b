type HeaderOptions = {
  nonce: string;
  dev: boolean;
  https: boolean;
  /** The request's path: only a check's embed may be framed. */ path?: string;
};

/** A check's embed (`/checks/<id>/embed`), the one page other sites may frame. */
export const isEmbedPath = (path: string) => /^\/checks\/[^/?#]+\/embed\/?(?:[?#]|$)/.test(path);

/**
 * The security headers every response carries. Scripts run only with the per-request nonce
 * (Next puts it on its own scripts when it finds it in the request's CSP header), and the
 * scripts those load ('strict-dynamic'). Styles allow inline because React renders `style`
 * attributes (chart geometry, verdict colours); no user text is ever rendered as markup.
 */
export function contentSecurityPolicy(options: HeaderOptions): string {
  return [
    "default-src 'self'",
    // Dev only: React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    options.path && isEmbedPath(options.path) ? "frame-ancestors *" : "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Nothing in the app needs these; a page that is somehow compromised gets none of them.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
