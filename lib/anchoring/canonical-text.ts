import type { ArticleValue } from "../articles/slate-value";

/**
 * Blocks are joined by this separator in the canonical text. It is fixed forever: stored
 * anchors count UTF-16 units in text built with it.
 */
export const BLOCK_SEPARATOR = "\n\n";

/** The block's text: its leaves concatenated, exactly as stored. */
export function blockText(block: ArticleValue[number]): string {
  return block.children.map((leaf) => leaf.text).join("");
}

/** The revision's canonical plain text, in which anchors are counted. */
export function canonicalText(value: ArticleValue): string {
  return value.map(blockText).join(BLOCK_SEPARATOR);
}
