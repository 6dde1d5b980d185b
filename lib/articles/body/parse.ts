import { z } from "zod";
import { AppError } from "../../errors";
import { safeString } from "../../validation";
import { canonicalText } from "../../anchoring/canonical-text";
import type { ArticleValue } from "../slate-value";
import { readHtml } from "./html";
import { readMarkdown } from "./markdown";
import { readText } from "./text";
import { checkBodyShape } from "./shape";

export const BODY_FORMATS = ["text", "markdown", "html"] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** Documented limits (README): a body over them gets a 400 (413 for the size) saying which. */
export const BODY_LIMITS = { characters: 1_000_000, blocks: 5_000, blockCharacters: 50_000 } as const;

/** The JSON request that carries a body: room for the largest body in any script (4 bytes a character at worst). */
export const ARTICLE_JSON_BYTES = 4 * 1024 * 1024;

export const bodyInputSchema = z.object({
  format: z.enum(BODY_FORMATS, { message: `format must be one of ${BODY_FORMATS.join(", ")}` }),
  body: safeString("body", "body must be text", { allowNul: true }),
});

/**
 * The article body, given as plain text, Markdown or HTML, as Slate blocks with the canonical text
 * anchors will count in. Refuses what is not an article: binary data, an empty result, or a body
 * over the limits.
 */
export function parseArticleBody(format: BodyFormat, body: string): { value: ArticleValue; text: string } {
  checkRawBody(format, body);
  const value = format === "html" ? readHtml(body) : format === "markdown" ? readMarkdown(body) : readText(body);
  if (value.length === 0) throw new AppError("BAD_REQUEST", "body: there is no text in it");
  if (value.length > BODY_LIMITS.blocks)
    throw new AppError(
      "BAD_REQUEST",
      `body: ${value.length.toLocaleString("en")} blocks (paragraphs, headings, list items); at most ${BODY_LIMITS.blocks.toLocaleString("en")}`,
    );
  const text = canonicalText(value);
  const long = value.findIndex(
    (block) => block.children.reduce((n, leaf) => n + leaf.text.length, 0) > BODY_LIMITS.blockCharacters,
  );
  if (long >= 0)
    throw new AppError(
      "BAD_REQUEST",
      `body: block ${long + 1} is over ${BODY_LIMITS.blockCharacters.toLocaleString("en")} characters; split it into paragraphs`,
    );
  return { value, text };
}

/** The checks on the raw text, before any parser runs: size, binary data, nesting and block limits (./shape.ts). Cheap: one pass. */
export function checkRawBody(format: BodyFormat, body: string): void {
  if (body.length > BODY_LIMITS.characters) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `body: the article is ${body.length.toLocaleString("en")} characters; at most ${BODY_LIMITS.characters.toLocaleString("en")}`,
    );
  }
  if (looksBinary(body))
    throw new AppError(
      "BAD_REQUEST",
      "body: this looks like a binary file, not text; upload a .txt, .md or .html file",
    );
  checkBodyShape(format, body);
}

/** NUL bytes, or many replacement characters from a failed decode, mean this is not a text file. */
function looksBinary(body: string): boolean {
  if (body.includes("\u0000")) return true;
  const replaced = body.match(/\uFFFD/g)?.length ?? 0;
  return replaced > 16 && replaced > body.length / 100;
}
