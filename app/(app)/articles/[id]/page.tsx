import { getArticle } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/format";
import { ArticleBody } from "@/components/articles/ArticleBody";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}`);
  const article = await loadPageData(() => getArticle({ actor, articleId: id }));
  return (
    <main>
      <title>{article.title}</title>
      {article.section && <p className="muted">{article.section}</p>}
      <h1>{article.title}</h1>
      <p className="article-meta">
        {[article.outlet, article.author, formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
        {article.sourceUrl && (
          <>
            {" · "}
            <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank">
              Original
            </a>
          </>
        )}
        {" · "}revision {article.revision.number}
      </p>
      <ArticleBody value={article.revision.body} />
    </main>
  );
}
