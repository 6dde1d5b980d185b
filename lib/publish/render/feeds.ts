import { escapeXml } from "../html";
import type { PublicCheckSummary, PublicPage } from "../checks";
import { checkPath, feedPath, readPath, shorten, type PublicUrls } from "./document";
import { verdictPosition } from "./verdict";

// XML 1.0 cannot carry these at all, even escaped; user text may hold them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const x = (text: string) => escapeXml(text.replace(NOT_XML, ""));

/** The Atom feed (RFC 4287) of the newest published checks. */
export function atomFeed(checks: PublicCheckSummary[], urls: PublicUrls): string {
  const updated = checks[0]?.updatedAt ?? new Date(0).toISOString();
  const entries = checks.map((check) => {
    const url = checkPath(urls, check.id);
    const summary = `${check.verdict.label} (${verdictPosition(check.verdict)}). ${check.rationale ?? ""}`;
    return `  <entry>
    <id>${x(url)}</id>
    <title>${x(`“${shorten(check.claim, 140)}”: ${check.verdict.label}`)}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <updated>${check.updatedAt}</updated>
    <author><name>${x(check.desk)}</name></author>
    <category term="${x(check.verdict.key)}" label="${x(check.verdict.label)}"/>
    <summary type="text">${x(shorten(summary, 600))}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(feedPath(urls))}</id>
  <title>Published fact-checks</title>
  <link rel="self" type="application/atom+xml" href="${x(feedPath(urls))}"/>
  <link rel="alternate" type="text/html" href="${x(urls.baseUrl)}/"/>
  <updated>${updated}</updated>
  <generator>Factmark</generator>
${entries.join("\n")}
</feed>
`;
}

/** The sitemap (sitemaps.org 0.9) of every public page. */
export function sitemap(pages: PublicPage[], urls: PublicUrls): string {
  const urlOf = (page: PublicPage) => (page.kind === "check" ? checkPath(urls, page.id) : readPath(urls, page.id));
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((page) => `  <url><loc>${x(urlOf(page))}</loc><lastmod>${page.lastModified}</lastmod></url>`).join("\n")}
</urlset>
`;
}
