import { readFile } from "node:fs/promises";
import { SlateArticle } from "./SlateArticle";

export const dynamic = "force-dynamic";

/**
 * The stack's floor with Slate: the same text as a read-only Slate editor that marks the page
 * interactive once hydrated, and nothing else of Factmark's (no session, no highlights, no panel).
 */
export default async function SlateFloorPage() {
  const paragraphs = JSON.parse(await readFile(process.env.FLOOR_ARTICLE, "utf8"));
  return (
    <main>
      <SlateArticle paragraphs={paragraphs} />
    </main>
  );
}
