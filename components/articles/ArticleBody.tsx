import type { ArticleValue, TextLeaf } from "@/lib/articles/slate-value";

function Leaf({ leaf }: { leaf: TextLeaf }) {
  let content: React.ReactNode = leaf.text;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  return <>{content}</>;
}

/** The article's Slate value rendered read-only. (The annotating Slate editor replaces this.) */
export function ArticleBody({ value }: { value: ArticleValue }) {
  return (
    <article className="article-body" data-testid="article-body">
      {value.map((block, i) => {
        const children = block.children.map((leaf, j) => <Leaf key={j} leaf={leaf} />);
        if (block.type === "heading") return block.level === 2 ? <h2 key={i}>{children}</h2> : <h3 key={i}>{children}</h3>;
        if (block.type === "quote") return <blockquote key={i}>{children}</blockquote>;
        return <p key={i}>{children}</p>;
      })}
    </article>
  );
}
