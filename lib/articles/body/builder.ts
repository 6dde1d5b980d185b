import type { ArticleBlock, ArticleValue, TextLeaf } from "../slate-value";

export type Marks = Omit<TextLeaf, "text">;
type BlockShape = ArticleBlock extends infer B ? (B extends ArticleBlock ? Omit<B, "children"> : never) : never;

/**
 * Collects text with marks into blocks, for the Markdown and HTML readers: adjacent leaves with
 * the same marks merge, blocks without text are dropped, and a link is kept only when it is
 * http(s) or mailto.
 */
export class BlockBuilder {
  private readonly blocks: ArticleValue = [];
  private leaves: TextLeaf[] = [];
  private shape: BlockShape = { type: "paragraph" };

  /** Starts a new block of this shape (the text so far ends its own block). */
  open(shape: BlockShape) {
    this.close();
    this.shape = shape;
  }

  /** True when the current block's text so far ends in a space (HTML collapses across tags). */
  endsWithSpace(): boolean {
    return this.leaves[this.leaves.length - 1]?.text.endsWith(" ") ?? false;
  }

  text(text: string, marks: Marks = {}) {
    if (!text) return;
    const clean: Marks = {};
    if (marks.bold) clean.bold = true;
    if (marks.italic) clean.italic = true;
    if (marks.link && isSafeLink(marks.link)) clean.link = marks.link;
    const last = this.leaves[this.leaves.length - 1];
    if (last && sameMarks(last, clean)) last.text += text;
    else this.leaves.push({ text, ...clean });
  }

  /** Ends the current block; the next text goes into a paragraph unless `open` says otherwise. */
  close() {
    const leaves = trimEdges(this.leaves);
    if (leaves.length > 0) this.blocks.push({ ...this.shape, children: leaves } as ArticleBlock);
    this.leaves = [];
    this.shape = { type: "paragraph" };
  }

  value(): ArticleValue {
    this.close();
    return this.blocks;
  }
}

const sameMarks = (a: Marks, b: Marks) => a.bold === b.bold && a.italic === b.italic && a.link === b.link;

export function isSafeLink(href: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Drops ASCII whitespace at the block's edges (not no-break spaces, which are content), and empty leaves. */
function trimEdges(leaves: TextLeaf[]): TextLeaf[] {
  const result = leaves.filter((leaf) => leaf.text.length > 0);
  while (result.length && !(result[0].text = result[0].text.replace(/^[ \t\r\n\f]+/, ""))) result.shift();
  while (
    result.length &&
    !(result[result.length - 1].text = result[result.length - 1].text.replace(/[ \t\r\n\f]+$/, ""))
  )
    result.pop();
  return result;
}
