import { getArticle } from "@/lib/articles/queries";
import { listAnnotationSummaries } from "@/lib/annotations/annotations";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/format";
import { hasRole } from "@/lib/auth/roles";
import { ArticleWorkspace } from "@/components/annotate/ArticleWorkspace";
import { ArticleExportLinks } from "@/components/exchange/ArticleExportLinks";
import { ImportForm } from "@/components/exchange/ImportForm";

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
      <ArticleExportLinks articleId={article.id} />
      {hasRole(actor.role, "EDITOR") && (
        <details className="import">
          <summary>Import annotations</summary>
          <ImportForm articleId={article.id} choices={choices} />
        </details>
      )}
      <ArticleWorkspace
        // An import adds annotations on the server; a new count starts the workspace afresh with them.
        key={annotations.length}
        article={{ id: article.id, revisionId: article.revision.id, text: article.revision.text, value: article.revision.body }}
        initialAnnotations={annotations}
        choices={choices}
        viewer={{ id: actor.userId, role: actor.role }}
      />
    </main>
  );
}
