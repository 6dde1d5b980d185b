import "server-only";
import { exportUrls } from "../export/urls";
import { REVALIDATE_SECONDS } from "./cache";
import type { PublicUrls } from "./render/document";

/**
 * Public answers may be kept by a shared cache (a CDN) for as long as this instance keeps its
 * data, and served a while longer while one refreshes in the background, so a spike of readers
 * reaches the app once per minute. Browsers revalidate each time, so a reader who reloads sees a
 * correction as soon as the CDN does. The pages carry no per-request nonce (they have no script)
 * and nothing personal, so sharing them is safe.
 */
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=300`;

/** Absolute addresses for public pages: FACTMARK_PUBLIC_URL, else NEXTAUTH_URL, else the request's origin. */
export const publicUrlsFor = (request: Request): PublicUrls => exportUrls(new URL(request.url).origin);

/** A public answer: the body with its type, shared-cacheable whatever the status (404 and 410 too). */
export function publicResponse(
  body: string | ArrayBuffer,
  contentType: string,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: { "content-type": contentType, "cache-control": PUBLIC_CACHE_CONTROL, ...headers },
  });
}

export const HTML = "text/html; charset=utf-8";
