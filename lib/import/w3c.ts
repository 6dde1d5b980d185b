import { CodePointIndex } from "../anchoring/code-points";
import type { QuoteSelector } from "../anchoring/locate";
import type { ImportItem, ImportNote, ImportProblem } from "./item";

/**
 * Reads W3C Web Annotations (as Factmark, Hypothesis and other tools write them) into import
 * items. Accepted: one Annotation, a list of them, an AnnotationPage, or an AnnotationCollection
 * with its first page embedded. Bodies map by purpose: `describing` is the claim, `assessing`,
 * `classifying` or `tagging` name the verdict, the first `commenting` (or purpose-less text) is the
 * rationale and any further ones are notes, `linking` resources are sources. Without a claim, the
 * quote is the claim. TextPositionSelector counts code points; it is converted to UTF-16 here.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const typeOf = (value: Json) => asList(value.type ?? value["@type"]).map(String);
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The annotations of any accepted shape, or a file-level problem. */
function annotationsOf(document: unknown): unknown[] | string {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return "the file must be a JSON object or list";
  const types = typeOf(document);
  if (types.includes("Annotation")) return [document];
  if (types.includes("AnnotationPage")) return asList(document.items);
  if (types.includes("AnnotationCollection")) {
    if (!isObject(document.first))
      return "the AnnotationCollection's first page must be embedded (not a link) to be imported";
    if (document.first.next)
      return "the AnnotationCollection has more pages; import a single file that embeds every annotation";
    return asList(document.first.items);
  }
  return "this is neither factmark.v1 nor a W3C Annotation, AnnotationPage or AnnotationCollection";
}

export function readW3c(document: unknown, text: string): { items: ImportItem[]; problems: ImportProblem[] } {
  const annotations = annotationsOf(document);
  if (typeof annotations === "string") return { items: [], problems: [{ index: null, reason: annotations }] };
  const positions = new CodePointIndex(text);
  const items: ImportItem[] = [];
  const problems: ImportProblem[] = [];
  annotations.forEach((annotation, index) => {
    const result = toItem(annotation, index, text, positions);
    if (typeof result === "string") problems.push({ index, reason: result });
    else items.push(result);
  });
  return { items, problems };
}

function toItem(annotation: unknown, index: number, text: string, positions: CodePointIndex): ImportItem | string {
  if (!isObject(annotation) || !typeOf(annotation).includes("Annotation"))
    return "not an Annotation (its type must be Annotation)";
  const id = str(annotation.id) ?? str(annotation["@id"]);
  if (!id) return "id is required, so that a re-import can recognise it";
  const selector = selectorOf(annotation.target, text, positions);
  if (typeof selector === "string") return selector;

  let claim: string | null = null;
  let verdict: string | null = null;
  let rationale: string | null = null;
  const notes: ImportNote[] = [];
  const sources: unknown[] = [];
  for (const [bodyIndex, body] of asList(annotation.body).entries()) {
    if (typeof body === "string") {
      rationale ??= body;
      continue;
    }
    if (!isObject(body)) continue;
    const purposes = asList(body.purpose).map(String);
    const value = str(body.value);
    const source = str(body.source) ?? str(body.id);
    if (purposes.includes("describing") && value) claim ??= value;
    else if (purposes.includes("classifying") && source) {
      const key = verdictKeyOf(source);
      if (key === null)
        return `body ${bodyIndex}: the classifying IRI ${JSON.stringify(source.slice(0, 200))} has broken percent-encoding`;
      verdict ??= key;
    } else if ((purposes.includes("assessing") || purposes.includes("tagging")) && value) verdict ??= value;
    else if (purposes.includes("linking") && source) sources.push({ url: source });
    else if (value && (purposes.length === 0 || purposes.includes("commenting"))) {
      // Factmark writes the rationale without a creator and notes with one.
      if (rationale === null && !body.creator) rationale = value;
      else
        notes.push({
          externalId: `${id}#body-${bodyIndex}`,
          parentExternalId: null,
          authorName: agentName(body.creator),
          body: value,
        });
    }
  }
  return {
    index,
    externalId: id,
    selector,
    claim: claim ?? selector.exact.slice(0, 2_000),
    claimant: null,
    verdict,
    rationale,
    sources,
    authorName: agentName(annotation.creator),
    notes,
  };
}

/** The verdict key a `classifying` IRI ends in, percent-decoded; null when its encoding is broken ("%E0%A4%A" or "%zz"). */
function verdictKeyOf(iri: string): string | null {
  try {
    return decodeURIComponent(iri.replace(/\/+$/, "").split("/").pop() ?? "");
  } catch {
    return null;
  }
}

function agentName(creator: unknown): string | null {
  const first = asList(creator)[0];
  if (typeof first === "string") return null; // an IRI, not a name
  return isObject(first) ? (str(first.name) ?? str(first.nickname) ?? null) : null;
}

/** The quote and position of the first target that has either, in UTF-16 units of `text`. */
function selectorOf(target: unknown, text: string, positions: CodePointIndex): QuoteSelector | string {
  for (const candidate of asList(target)) {
    if (!isObject(candidate)) continue;
    const selectors = asList(candidate.selector).filter(isObject);
    const quote = selectors.find((s) => typeOf(s).includes("TextQuoteSelector"));
    const position = selectors.find((s) => typeOf(s).includes("TextPositionSelector"));
    if (!quote && !position) continue;

    let start: number | undefined;
    let end: number | undefined;
    if (position) {
      const [from, to] = [position.start, position.end];
      if (
        !Number.isInteger(from) ||
        !Number.isInteger(to) ||
        (from as number) < 0 ||
        (to as number) <= (from as number)
      ) {
        return "TextPositionSelector needs whole-number start and end, with end after start";
      }
      start = positions.toUtf16(from as number);
      end = positions.toUtf16(to as number);
      if (end > text.length && !quote)
        return `TextPositionSelector ${from}–${to} lies outside the article's text (${[...text].length} code points)`;
    }
    if (quote) {
      const exact = str(quote.exact);
      if (!exact) return "TextQuoteSelector needs a non-empty exact";
      return { exact, prefix: str(quote.prefix), suffix: str(quote.suffix), start, end };
    }
    return { exact: text.slice(start, end), start, end };
  }
  return "no target with a TextQuoteSelector or TextPositionSelector";
}
