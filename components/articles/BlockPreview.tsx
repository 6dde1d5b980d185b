import type { ArticleValue, TextLeaf } from "@/lib/articles/slate-value";

function Leaf({ leaf }: { leaf: TextLeaf }) {
  let content: React.ReactNode = leaf.text;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.link)
    content = (
      <a href={leaf.link} rel="noopener noreferrer nofollow" target="_blank">
        {content}
      </a>
    );
  return <>{content}</>;
}

/** An article body as it will be shown, from its blocks: text is text, never markup. */
export function BlockPreview({ value }: { value: ArticleValue }) {
  return (
    <div className="preview article-body" data-testid="body-preview">
      {value.map((block, i) => {
        const children = block.children.map((leaf, j) => <Leaf key={j} leaf={leaf} />);
        if (block.type === "heading")
          return block.level === 2 ? <h2 key={i}>{children}</h2> : <h3 key={i}>{children}</h3>;
        if (block.type === "quote") return <blockquote key={i}>{children}</blockquote>;
        if (block.type === "list-item")
          return (
            <p key={i} className="list-item" data-marker={block.ordered ? `${block.number ?? 1}.` : "•"}>
              {children}
            </p>
          );
        return <p key={i}>{children}</p>;
      })}
    </div>
  );
}
