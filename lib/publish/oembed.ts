import { z } from "zod";
import { AppError } from "../errors";
import { int4Param, parseInput, safeString } from "../validation";
import type { PublicUrls } from "./render/document";

/** GET /api/oembed's query (https://oembed.com §2.2): the page's `url`, optional size bounds and format. */
export const oembedQuerySchema = z
  .object({
    url: safeString("url").trim().min(1, "url: give the address of a check page").max(2048, "url is too long"),
    maxwidth: int4Param("maxwidth", 1).optional(),
    maxheight: int4Param("maxheight", 1).optional(),
    format: z.enum(["json"], { message: "format must be json (XML is not served)" }).optional(),
  })
  .strict();

/**
 * Which check an oEmbed request is for: `url` must be a check page of this site
 * (`<public URL>/checks/<id>`); anything else is 404, as the spec asks for a URL with no embed.
 * A malformed query is 400, `format=xml` included (the spec suggests 501; a 5xx would read as our
 * failure in monitoring and in the route fuzzer, and a client learns the same from the message).
 */
export function parseOembedRequest(
  query: unknown,
  urls: PublicUrls,
): { annotationId: string; maxwidth?: number; maxheight?: number } {
  const input = parseInput(oembedQuerySchema, query);
  let page: URL;
  try {
    page = new URL(input.url);
  } catch {
    throw new AppError("BAD_REQUEST", "url: not an absolute address");
  }
  const base = new URL(urls.baseUrl);
  const match = /^\/checks\/([a-z0-9]{20,40})\/?$/.exec(page.pathname);
  if (page.origin !== base.origin || !match)
    throw new AppError("NOT_FOUND", "No embed for this address: give a check page of this site");
  return { annotationId: match[1], maxwidth: input.maxwidth, maxheight: input.maxheight };
}
