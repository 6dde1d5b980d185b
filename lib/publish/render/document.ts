import { Html, html } from "../html";

/** Absolute addresses of the public pages, from the app's public URL (lib/export/urls.ts). */
export type PublicUrls = { baseUrl: string; checkBaseUrl: string };

export const checkPath = (urls: PublicUrls, id: string) => `${urls.baseUrl}/checks/${id}`;
export const readPath = (urls: PublicUrls, articleId: string) => `${urls.baseUrl}/read/${articleId}`;
export const feedPath = (urls: PublicUrls) => `${urls.baseUrl}/checks/feed.xml`;

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A `<time>` reading "3 December 2026" (UTC, so every reader and cache sees the same day). */
export const time = (iso: string) => html`<time datetime="${iso}">${DATE.format(new Date(iso))}</time>`;

/** Text with blank lines as paragraphs and single line breaks kept (CSS pre-line). */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => html`<p class="text">${p}</p>`);

/** Shortens text for titles, descriptions and cards, at a word boundary. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

// One small stylesheet inline (no second request, and the CSP allows inline styles). Readable on a
// phone first; no colour carries meaning alone (verdicts are words and a position on a scale).
const CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--mark:#fff1a8;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent)}
.site{border-bottom:1px solid var(--line);padding:.75rem 1rem;display:flex;gap:1rem;justify-content:space-between;flex-wrap:wrap}
.site p{margin:0;font-weight:600}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.muted,.kicker{color:var(--muted)}
.kicker{margin:0;font-size:.95rem}
.text{white-space:pre-line}
.verdict{border:2px solid var(--ink);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.verdict h2{margin:0}
.scale{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:.5rem 0}
.scale li{border:1px solid var(--line);border-radius:.25rem;padding:.1rem .45rem;font-size:.85rem}
.scale li[aria-current]{border:2px solid var(--ink);font-weight:700}
.correction{border-left:4px solid var(--ink);background:#f6f8fa;padding:.5rem 1rem;margin:1rem 0}
.correction h2{margin:.25rem 0}
blockquote{margin:0;padding:.25rem 1rem;border-left:3px solid var(--line)}
mark{background:var(--mark);color:inherit}
.sources li{margin:.5rem 0;overflow-wrap:anywhere}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.hl{font:inherit;color:inherit;background:var(--mark);border:0;border-bottom:2px solid var(--ink);padding:0;margin:0;
  cursor:pointer;text-align:inherit;display:inline}
.hl:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
[popover]{max-width:min(30rem,calc(100vw - 2rem));border:2px solid var(--ink);border-radius:.5rem;padding:1rem}
.card p{margin:.25rem 0}
.card .claim{font-weight:600}
.checks>li{margin:1rem 0}
footer.byline{border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem;color:var(--muted)}
`;

export type Head = {
  title: string;
  description: string;
  canonical: string;
  /** Open Graph and Twitter cards: the page's share image and its text alternative. */
  image?: { url: string; alt: string };
  type?: "article" | "website";
  siteName: string;
  extra?: Html[];
  jsonLd?: Html;
};

/** A complete public HTML document: no script but the JSON-LD data block, which browsers never run. */
export function documentHtml(head: Head, body: Html, urls: PublicUrls): string {
  const image = head.image;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${head.title}</title>
        <meta name="description" content="${head.description}" />
        <link rel="canonical" href="${head.canonical}" />
        <link rel="alternate" type="application/atom+xml" title="Published fact-checks" href="${feedPath(urls)}" />
        <meta property="og:type" content="${head.type ?? "article"}" />
        <meta property="og:site_name" content="${head.siteName}" />
        <meta property="og:title" content="${head.title}" />
        <meta property="og:description" content="${head.description}" />
        <meta property="og:url" content="${head.canonical}" />
        ${
          image
            ? html`<meta property="og:image" content="${image.url}" />
                <meta property="og:image:width" content="1200" />
                <meta property="og:image:height" content="630" />
                <meta property="og:image:alt" content="${image.alt}" />
                <meta name="twitter:card" content="summary_large_image" />
                <meta name="twitter:image" content="${image.url}" />
                <meta name="twitter:image:alt" content="${image.alt}" />`
            : html`<meta name="twitter:card" content="summary" />`
        }
        <meta name="twitter:title" content="${head.title}" />
        <meta name="twitter:description" content="${head.description}" />
        ${head.extra ?? []}
        <style>
          ${new Html(CSS)}
        </style>
        ${
          head.jsonLd
            ? html`<script type="application/ld+json">
                ${head.jsonLd}
              </script>`
            : ""
        }
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

/** The strip above every public page: the desk, and the feed. */
export const siteHeader = (desk: string, urls: PublicUrls) =>
  html`<header class="site">
    <p>${desk} · fact-checks</p>
    <a href="${feedPath(urls)}">Feed of new checks</a>
  </header>`;
