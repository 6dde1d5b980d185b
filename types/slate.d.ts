import type { BaseEditor } from "slate";
import type { ReactEditor } from "slate-react";
import type { ArticleBlock, TextLeaf } from "@/lib/articles/slate-value";

declare module "slate" {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor;
    Element: ArticleBlock;
    Text: TextLeaf;
    /** Decorations carry the ids of every annotation covering the range. */
    Range: { anchor: import("slate").BasePoint; focus: import("slate").BasePoint; annotationIds?: string[] };
  }
}
