import { html } from "../html";
import type { PublicCheck } from "../checks";
import { checkPath, documentHtml, shorten, type PublicUrls } from "./document";
import { verdictCard } from "./verdict";

/** Size of the embed's frame, as oEmbed announces it. */
export const EMBED_SIZE = { width: 480, height: 300 };

/**
 * `/checks/<id>/embed`: the compact verdict card alone, for other sites to frame (the only route
 * whose `frame-ancestors` allows it: lib/http/security-headers.ts). Links open outside the frame.
 */
export function embedPage(check: PublicCheck, urls: PublicUrls): string {
  const body = html`<main class="embed">${verdictCard(check, urls, { heading: "h1", target: "_blank" })}</main>`;
  return documentHtml(
    {
      title: `“${shorten(check.claim, 90)}”: ${check.verdict.label}`,
      description: shorten(`${check.desk} rates this claim ${check.verdict.label}.`, 200),
      canonical: checkPath(urls, check.id),
      siteName: check.desk,
      extra: [html`<meta name="robots" content="noindex" />`],
    },
    body,
    urls,
  );
}

/**
 * The oEmbed answer for a check page (https://oembed.com, type "rich"): an iframe of its embed.
 * The iframe is sandboxed to what a card needs: links that open a new tab.
 */
export function oembedFor(check: PublicCheck, urls: PublicUrls, max: { width?: number; height?: number }) {
  const width = Math.min(EMBED_SIZE.width, max.width ?? EMBED_SIZE.width);
  const height = Math.min(EMBED_SIZE.height, max.height ?? EMBED_SIZE.height);
  const src = `${checkPath(urls, check.id)}/embed`;
  const title = `Fact-check: ${shorten(check.claim, 90)} (${check.verdict.label})`;
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: check.desk,
    provider_url: urls.baseUrl,
    ...(check.credit ? { author_name: check.credit.by } : { author_name: check.desk }),
    width,
    height,
    html: html`<iframe
      src="${src}"
      width="${width}"
      height="${height}"
      title="${title}"
      style="border:0"
      loading="lazy"
      sandbox="allow-popups allow-popups-to-escape-sandbox"
    ></iframe>`.value,
    thumbnail_url: `${checkPath(urls, check.id)}/card.png`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
    cache_age: 300,
  };
}
