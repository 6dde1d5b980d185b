/**
 * The article body as stored in ArticleRevision.body: Slate blocks whose children are text
 * leaves. Annotations are never stored here (they are decorations drawn at render time).
 */
export type TextLeaf = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An http(s) or mailto link the text carried. */ link?: string;
};

export type ArticleBlock =
  | { type: "paragraph"; children: TextLeaf[] }
  | { type: "heading"; level: 2 | 3; children: TextLeaf[] }
  | { type: "quote"; children: TextLeaf[] }
  /** Lists are flat: each item a block, numbered items carry their number. */
  | { type: "list-item"; ordered: boolean; number?: number; children: TextLeaf[] };

export type ArticleValue = ArticleBlock[];

/** One paragraph block per entry, text kept exactly as given. */
export function paragraphsToValue(paragraphs: string[]): ArticleValue {
  return paragraphs.map((text) => ({ type: "paragraph", children: [{ text }] }));
}
