import type { ExportUrls } from "./export";

/**
 * Where exported links point. FACTMARK_PUBLIC_URL (else NEXTAUTH_URL, else the request's own
 * origin) is the app's address; FACTMARK_CHECKS_URL is where the desk publishes its checks
 * (ClaimReview `url` is that plus the annotation id), by default the app's `/checks`.
 */
export function exportUrls(origin: string): ExportUrls {
  const baseUrl = (process.env.FACTMARK_PUBLIC_URL || process.env.NEXTAUTH_URL || origin).replace(/\/+$/, "");
  return { baseUrl, checkBaseUrl: (process.env.FACTMARK_CHECKS_URL || `${baseUrl}/checks`).replace(/\/+$/, "") };
}
