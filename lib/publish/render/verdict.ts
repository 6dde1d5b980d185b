import { html } from "../html";
import type { PublicCheckSummary, PublicVerdict } from "../checks";
import { checkPath, type PublicUrls } from "./document";

/** "3 of 7 on the desk's scale, from True to False", or why it has no place on it. */
export function verdictPosition(verdict: PublicVerdict): string {
  if (verdict.index === null || verdict.scale.length === 0) return "Outside the desk's true–false scale";
  return `${verdict.index + 1} of ${verdict.scale.length} on the desk's scale, from ${verdict.scale[0]} to ${verdict.scale.at(-1)}`;
}

/** The scale as a row of its labels, this verdict's marked in words as well as by its frame. */
export const verdictScale = (verdict: PublicVerdict) =>
  verdict.index === null
    ? ""
    : html`<ol class="scale" aria-label="The desk's verdict scale">
        ${verdict.scale.map((label, i) =>
          i === verdict.index
            ? html`<li aria-current="true">${label}<span class="vh"> (this verdict)</span></li>`
            : html`<li>${label}</li>`,
        )}
      </ol>`;

/**
 * The compact verdict card: the embed's whole page, and what a highlight opens on `/read`. The
 * heading level is the caller's (the card sits under a page heading or is the page).
 */
export function verdictCard(
  check: PublicCheckSummary,
  urls: PublicUrls,
  options: { heading: "h1" | "h2" | "p"; target?: "_blank" },
) {
  const open = { h1: html`<h1 class="claim"></h1>`, h2: html`<h2 class="claim"></h2>`, p: html`<p class="claim"></p>` }[
    options.heading
  ];
  const close = { h1: html`</h1>`, h2: html`</h2>`, p: html`</p>` }[options.heading];
  return html`<div class="card">
    <p class="kicker">${check.desk} rates this claim</p>
    <p><strong>${check.verdict.label}</strong> <span class="muted">· ${verdictPosition(check.verdict)}</span></p>
    ${open}“${check.claim}”${close} ${check.claimant ? html`<p class="muted">Claimed by ${check.claimant}</p>` : ""}
    ${check.correctionNote ? html`<p><strong>Corrected:</strong> ${check.correctionNote}</p>` : ""}
    <p>
      <a href="${checkPath(urls, check.id)}" ${options.target ? html` target="_blank" rel="noopener"` : ""}
        >Read the fact-check<span class="vh">: ${check.claim}</span></a
      >
    </p>
  </div>`;
}
