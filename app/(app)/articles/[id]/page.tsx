import { getArticle } from "@/lib/articles/queries";
import { listAnnotationSummaries, listOrphans } from "@/lib/annotations/annotations";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import Link from "next/link";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/format";
import { hasRole } from "@/lib/auth/roles";
import { ArticleWorkspace } from "@/components/annotate/ArticleWorkspace";
import { ArticleExportLinks } from "@/components/exchange/ArticleExportLinks";
import { ImportForm } from "@/components/exchange/ImportForm";
import { SecondOpinionForm } from "@/components/review/SecondOpinionForm";
import { getOpenSecondOpinion } from "@/lib/reviews/second-opinion";
import { listColleagues } from "@/lib/people/members";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}`);
  const [article, annotations, orphans, choices, settings, blind, people] = await loadPageData(() =>
    Promise.all([
      getArticle({ actor, articleId: id }),
      listAnnotationSummaries({ actor, articleId: id }),
      listOrphans({ actor, articleId: id }),
      listVerdictChoices({ actor }),
      getWorkspaceSettings({ actor }),
      getOpenSecondOpinion({ actor, articleId: id }),
      listColleagues({ actor }),
    ]),
  );
  const isEditor = hasRole(actor.role, "EDITOR");
  const mayRevise = isEditor || settings.reviewersMayAddArticles;
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
      <nav className="article-actions" aria-label="Article">
        {isEditor && <Link href={`/articles/${article.id}/edit`}>Edit details</Link>}
        {mayRevise && <Link href={`/articles/${article.id}/revise`}>Revise text</Link>}
        {article.revision.number > 1 && <Link href={`/articles/${article.id}/revisions`}>Revisions ({article.revision.number})</Link>}
      </nav>
      {blind && (
        <p className="notice" role="status" data-testid="blind-notice">
          Blind second opinion: {blind.secondReviewer.name} is checking {blind.firstReviewer.name}&apos;s work. Until both have submitted, neither sees the
          other&apos;s annotations on this article.
        </p>
      )}
      <ArticleExportLinks articleId={article.id} />
      {isEditor && !blind && (
        <details className="second-opinion">
          <summary>Ask for a second opinion</summary>
          <SecondOpinionForm articleId={article.id} people={people} />
        </details>
      )}
      {isEditor && (
        <details className="import">
          <summary>Import annotations</summary>
          <ImportForm articleId={article.id} choices={choices} />
        </details>
      )}
      <ArticleWorkspace
        // An import or a revision changes annotations on the server; the workspace starts afresh with them.
        key={`${article.revision.id}-${annotations.length}-${orphans.length}`}
        article={{ id: article.id, revisionId: article.revision.id, text: article.revision.text, value: article.revision.body }}
        initialAnnotations={annotations}
        initialOrphans={orphans}
        choices={choices}
        viewer={{ id: actor.userId, role: actor.role }}
      />
    </main>
  );
}
