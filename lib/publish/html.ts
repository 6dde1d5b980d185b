/**
 * A tiny HTML builder for the public pages: a tagged template whose interpolations are escaped
 * unless they are already `Html` (or arrays of it). Public pages are plain HTML strings rendered by
 * route handlers, without React or Next's client runtime: they carry no script at all, so they can
 * be cached and served to anyone without a CSP nonce. Pure.
 */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Part[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for element content and quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  parts.forEach((part, i) => (out += render(part) + strings[i + 1]));
  return new Html(out);
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<` is escaped so no string inside
 * can close the element (`</script>`) or open a comment. Browsers never execute the block, so the
 * CSP's script rule does not apply to it.
 */
export function jsonLd(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
}

/** An XML document's text (Atom, sitemap): the same escaping, which XML 1.0 accepts as is. */
export const escapeXml = escapeHtml;
