import { getArticle } from "@/lib/articles/queries";
import { listAnnotationSummaries } from "@/lib/annotations/annotations";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/format";
import { ArticleWorkspace } from "@/components/annotate/ArticleWorkspace";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}`);
  const [article, annotations, choices] = await loadPageData(() =>
    Promise.all([getArticle({ actor, articleId: id }), listAnnotationSummaries({ actor, articleId: id }), listVerdictChoices({ actor })]),
  );
  return (
    <main className="wide">
      <title>{article.title}</title>
      {article.section && <p className="muted">{article.section}</p>}
      <h1>{article.title}</h1>
      <p className="article-meta">
        {[article.outlet, article.author, article.publishedAt && formatDate(article.publishedAt), `revision ${article.revision.number}`].filter(Boolean).join(" · ")}
        {article.sourceUrl && (
          <>
            {" · "}
            <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank">
              Original
            </a>
          </>
        )}
      </p>
      <ArticleWorkspace
        article={{ id: article.id, revisionId: article.revision.id, text: article.revision.text, value: article.revision.body }}
        initialAnnotations={annotations}
        choices={choices}
        viewer={{ id: actor.userId, role: actor.role }}
      />
    </main>
  );
}
