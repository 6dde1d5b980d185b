import { BLOCK_SEPARATOR, blockText } from "../../anchoring/canonical-text";
import type { ArticleBlock, ArticleValue, TextLeaf } from "../../articles/slate-value";
import { html, type Html } from "../html";
import type { PublicArticle, PublicArticleCheck } from "../checks";
import { checkPath, documentHtml, readPath, shorten, siteHeader, time, type PublicUrls } from "./document";
import { verdictCard, verdictPosition } from "./verdict";

type Span = { start: number; end: number; id: string };
/** A piece of a block's text with one set of marks, and the check drawn over it, if any. */
type Segment = { text: string; leaf: TextLeaf; checkId: string | null };

/**
 * Cuts a block's leaves at its leaves' edges and the checks' edges (in block offsets). Where checks
 * overlap, the piece belongs to the one that starts last (the innermost), so every check keeps at
 * least its first piece to open it by. Pure.
 */
export function segmentBlock(leaves: TextLeaf[], spans: Span[]): Segment[] {
  const cuts = new Set<number>([0]);
  let offset = 0;
  for (const leaf of leaves) cuts.add((offset += leaf.text.length));
  const length = offset;
  for (const span of spans) {
    if (span.start > 0 && span.start < length) cuts.add(span.start);
    if (span.end > 0 && span.end < length) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let leafIndex = 0;
  let leafStart = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    while (leafStart + leaves[leafIndex].text.length <= from) leafStart += leaves[leafIndex++].text.length;
    const leaf = leaves[leafIndex];
    const covering = spans
      .filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => b.start - a.start || a.end - b.end);
    segments.push({ text: leaf.text.slice(from - leafStart, to - leafStart), leaf, checkId: covering[0]?.id ?? null });
  }
  return segments;
}

const marked = (segment: Segment, withLink: boolean): Html => {
  let out = html`${segment.text}`;
  if (segment.leaf.bold) out = html`<strong>${out}</strong>`;
  if (segment.leaf.italic) out = html`<em>${out}</em>`;
  if (withLink && segment.leaf.link) out = html`<a href="${segment.leaf.link}">${out}</a>`;
  return out;
};

/** A block's inline content: plain runs, and each highlighted run a button that opens its check's card. */
function inline(block: ArticleBlock, blockStart: number, checks: Map<string, PublicArticleCheck>): Html[] {
  const spans = [...checks.values()].map((c) => ({ id: c.id, start: c.start - blockStart, end: c.end - blockStart }));
  const segments = segmentBlock(block.children, spans);
  const out: Html[] = [];
  for (let i = 0; i < segments.length;) {
    const id = segments[i].checkId;
    let j = i;
    while (j < segments.length && segments[j].checkId === id) j++;
    const run = segments.slice(i, j);
    if (id === null) out.push(...run.map((s) => marked(s, true)));
    else {
      // A button cannot hold a link: highlighted text keeps its emphasis, and its links stay in the original.
      out.push(
        html`<button type="button" class="hl" popovertarget="card-${id}">
          ${run.map((s) => marked(s, false))}<span class="vh"> (fact-check: ${checks.get(id)!.verdict.label})</span>
        </button>`,
      );
    }
    i = j;
  }
  return out;
}

/** The article's blocks as HTML, consecutive list items of one kind gathered into one list. */
function bodyHtml(value: ArticleValue, checks: PublicArticleCheck[]): Html[] {
  const out: Html[] = [];
  let offset = 0;
  let list: { ordered: boolean; items: Html[]; start?: number } | null = null;
  const flush = () => {
    if (list)
      out.push(
        list.ordered
          ? html`<ol${list.start && list.start !== 1 ? html` start="${list.start}"` : ""}>${list.items}</ol>`
          : html`<ul>
              ${list.items}
            </ul>`,
      );
    list = null;
  };
  for (const block of value) {
    const length = blockText(block).length;
    const inside = new Map(checks.filter((c) => c.start < offset + length && c.end > offset).map((c) => [c.id, c]));
    const content = inline(block, offset, inside);
    if (block.type === "list-item") {
      if (!list || list.ordered !== block.ordered) {
        flush();
        list = { ordered: block.ordered, items: [], start: block.number };
      }
      list.items.push(html`<li>${content}</li>`);
    } else {
      flush();
      if (block.type === "heading") out.push(block.level === 2 ? html`<h2>${content}</h2>` : html`<h3>${content}</h3>`);
      else if (block.type === "quote") out.push(html`<blockquote><p>${content}</p></blockquote>`);
      else out.push(html`<p>${content}</p>`);
    }
    offset += length + BLOCK_SEPARATOR.length;
  }
  flush();
  return out;
}

/**
 * `/read/<articleId>`: the article as plain HTML with its published checks highlighted. Each
 * highlight is a button that opens the check's card as a popover (declarative: no script, keyboard
 * reachable, closed with Escape); the checks are also listed below the text, which is what a
 * browser without popovers, or a reader who wants them all, gets.
 */
export function articlePage(article: PublicArticle, urls: PublicUrls): string {
  const placed = article.checks.filter((c) => c.onCurrentText);
  const count = article.checks.length;
  const body = html`${siteHeader(article.desk, urls)}
    <main>
      <article>
        <p class="kicker">Annotated by ${article.desk}: ${count} published ${count === 1 ? "check" : "checks"}</p>
        <h1>${article.title}</h1>
        <p class="muted">
          ${[article.outlet, article.author].filter(Boolean).join(" · ")}${
            article.publishedAt ? html` · ${time(article.publishedAt)}` : ""
          }${article.sourceUrl ? html` · <a href="${article.sourceUrl}">Original article</a>` : ""}
        </p>
        <p class="muted">Highlighted passages were checked: choose one to read its verdict.</p>
        <div class="article-body">${bodyHtml(article.body as ArticleValue, placed)}</div>
      </article>
      ${placed.map(
        (check) =>
          html`<div id="card-${check.id}" popover>
            ${verdictCard(check, urls, { heading: "p" })}<button
              type="button"
              popovertarget="card-${check.id}"
              popovertargetaction="hide"
            >
              Close
            </button>
          </div>`,
      )}
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">The checks</h2>
        <ol class="checks">
          ${article.checks.map(
            (check) =>
              html`<li id="check-${check.id}">
                <p>
                  <strong>${check.verdict.label}</strong> <span class="muted">· ${verdictPosition(check.verdict)}</span>
                </p>
                <p>“${check.claim}”${check.claimant ? html` <span class="muted">(${check.claimant})</span>` : ""}</p>
                ${
                  check.onCurrentText
                    ? ""
                    : html`<p class="muted">
                        The passage it checked, “${shorten(check.quote, 140)}”, is no longer in the article's current
                        text.
                      </p>`
                }
                <p>
                  <a href="${checkPath(urls, check.id)}"
                    >Read the fact-check<span class="vh">: ${shorten(check.claim, 80)}</span></a
                  >
                </p>
              </li>`,
          )}
        </ol>
      </section>
    </main>`;
  return documentHtml(
    {
      title: `${article.title}: checked by ${article.desk}`,
      description: shorten(
        `${article.desk} checked ${count} ${count === 1 ? "claim" : "claims"} in “${article.title}”.`,
        200,
      ),
      canonical: readPath(urls, article.id),
      siteName: article.desk,
    },
    body,
    urls,
  );
}
