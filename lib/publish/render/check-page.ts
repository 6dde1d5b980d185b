import { html, jsonLd } from "../html";
import type { PublicCheck } from "../checks";
import { checkPath, documentHtml, paragraphs, readPath, shorten, siteHeader, time, type PublicUrls } from "./document";
import { verdictPosition, verdictScale } from "./verdict";

const sourceItem = (source: PublicCheck["sources"][number]) =>
  html`<li>
    <a href="${source.url}">${source.title || source.url}</a>${source.publisher ? html`, ${source.publisher}` : ""}.
    ${source.excerpt ? html`<q>${source.excerpt}</q>` : ""}
    ${source.archiveUrl ? html`<a href="${source.archiveUrl}">Archived copy</a>.` : ""}
    ${source.accessedAt ? html`<span class="muted">Accessed ${time(source.accessedAt)}.</span>` : ""}
  </li>`;

/** `/checks/<id>`: one published check, with the ClaimReview the export gives for it. */
export function checkPage(check: PublicCheck, urls: PublicUrls): string {
  const canonical = String(check.claimReview.url ?? checkPath(urls, check.id));
  const title = `“${shorten(check.claim, 90)}”: ${check.verdict.label}`;
  const description = shorten(`${check.desk} rates this claim ${check.verdict.label}. ${check.rationale ?? ""}`, 200);
  const byline = check.credit
    ? html`By ${check.credit.by}${check.credit.correctedBy ? html`, corrected by ${check.credit.correctedBy}` : ""}, for
      ${check.desk}.`
    : html`By ${check.desk}.`;
  const corrected = check.correctionNote !== null;
  const body = html`${siteHeader(check.desk, urls)}
    <main>
      <article>
        <p class="kicker">Fact-check</p>
        ${
          corrected
            ? html`<aside class="correction" aria-labelledby="correction-heading">
                <h2 id="correction-heading">Correction</h2>
                <p class="text">${check.correctionNote}</p>
                <p class="muted">Corrected ${time(check.updatedAt)}.</p>
              </aside>`
            : ""
        }
        <h1><span class="vh">Claim: </span>“${check.claim}”</h1>
        ${check.claimant ? html`<p class="muted">Claimed by ${check.claimant}</p>` : ""}
        <section class="verdict" aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Verdict: ${check.verdict.label}</h2>
          <p>${verdictPosition(check.verdict)}</p>
          ${verdictScale(check.verdict)}
          ${check.verdict.description ? html`<p class="muted">${check.verdict.description}</p>` : ""}
        </section>
        ${
          check.rationale
            ? html`<section aria-labelledby="why-heading">
                <h2 id="why-heading">Why</h2>
                ${paragraphs(check.rationale)}
              </section>`
            : ""
        }
        ${
          check.sources.length
            ? html`<section aria-labelledby="sources-heading">
                <h2 id="sources-heading">Sources</h2>
                <ol class="sources">
                  ${check.sources.map(sourceItem)}
                </ol>
              </section>`
            : ""
        }
        <section aria-labelledby="context-heading">
          <h2 id="context-heading">Where the claim appeared</h2>
          <figure>
            <blockquote>
              <p class="text">${check.passage.before}<mark>${check.passage.quote}</mark>${check.passage.after}</p>
            </blockquote>
            <figcaption>
              From
              <a href="${readPath(urls, check.article.id)}#check-${check.id}">${check.article.title}</a
              >${check.article.outlet ? html`, ${check.article.outlet}` : ""}${
                check.article.sourceUrl ? html` (<a href="${check.article.sourceUrl}">original</a>)` : ""
              },
              with the desk's checks highlighted.
            </figcaption>
          </figure>
        </section>
        <footer class="byline">
          <p>
            ${byline} Published ${time(check.publishedAt)}${corrected ? html`, updated ${time(check.updatedAt)}` : ""}.
          </p>
        </footer>
      </article>
    </main>`;
  const oembed = `${urls.baseUrl}/api/oembed?url=${encodeURIComponent(checkPath(urls, check.id))}`;
  return documentHtml(
    {
      title,
      description,
      canonical,
      siteName: check.desk,
      image: {
        url: `${checkPath(urls, check.id)}/card.png`,
        alt: `${check.desk} rates the claim “${shorten(check.claim, 120)}” ${check.verdict.label}.`,
      },
      extra: [
        html`<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${title}" />`,
        html`<meta property="article:published_time" content="${check.publishedAt}" />`,
        html`<meta property="article:modified_time" content="${check.updatedAt}" />`,
      ],
      jsonLd: jsonLd({ "@context": "https://schema.org", ...check.claimReview }),
    },
    body,
    urls,
  );
}

/** 410 for a withdrawn check: what the desk said, so a reader who followed an old link knows. */
export function gonePage(gone: { desk: string; note: string | null; at: string }, urls: PublicUrls): string {
  return simplePage(
    gone.desk,
    urls,
    "This fact-check was withdrawn",
    html`<p>${gone.desk} withdrew this fact-check on ${time(gone.at)}.</p>
      ${gone.note ? html`<p class="text">${gone.note}</p>` : ""}`,
  );
}

/** 404 for anything not public: one answer whatever the reason, so an id reveals nothing. */
export function notFoundPage(urls: PublicUrls): string {
  return simplePage("Fact-checks", urls, "Not found", html`<p>There is no published fact-check at this address.</p>`);
}

function simplePage(desk: string, urls: PublicUrls, heading: string, content: ReturnType<typeof html>): string {
  const body = html`${siteHeader(desk, urls)}
    <main>
      <h1>${heading}</h1>
      ${content}
    </main>`;
  return documentHtml(
    {
      title: heading,
      description: heading,
      canonical: urls.baseUrl,
      siteName: desk,
      type: "website",
      extra: [html`<meta name="robots" content="noindex" />`],
    },
    body,
    urls,
  );
}
