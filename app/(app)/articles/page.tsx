import type { Metadata } from "next";
import Link from "next/link";
import { ARTICLE_PAGE_SIZE, listArticlePage } from "@/lib/articles/article-page";
import { queryObject } from "@/lib/http/query-params";
import { withFilterProblem } from "@/lib/http/page-data";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { ARTICLE_STATUS_LABEL } from "@/lib/articles/status";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { WorkspaceExportForm } from "@/components/exchange/WorkspaceExportForm";
import { ArticleFilters } from "@/components/articles/ArticleFilters";
import { FilterProblem } from "@/components/shell/FilterSelect";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const actor = await requirePageActor("/articles");
  const filterParams = new URLSearchParams(
    Object.entries(params).filter(
      (e): e is [string, string] =>
        typeof e[1] === "string" && ["q", "status", "outlet", "sort", "cursor"].includes(e[0]),
    ),
  );
  const [{ data: page, problem }, choices, settings] = await Promise.all([
    withFilterProblem(listArticlePage({ actor, query: queryObject(filterParams) })),
    listVerdictChoices({ actor }),
    getWorkspaceSettings({ actor }),
  ]);
  const articles = page?.articles ?? [];
  const filtered = ["q", "status", "outlet"].some((key) => params[key]);
  const nextHref = page?.nextCursor
    ? `/articles?${new URLSearchParams([...filterParams].filter(([key]) => key !== "cursor").concat([["cursor", page.nextCursor]]))}`
    : null;
  const mayAdd = hasRole(actor.role, "EDITOR") || settings.reviewersMayAddArticles;
  return (
    <main>
      <h1>Articles</h1>
      {mayAdd && (
        <p>
          <Link href="/articles/new" className="button primary">
            Add an article
          </Link>
        </p>
      )}
      <ArticleFilters values={params} outlets={page?.outlets ?? []} />
      {problem && <FilterProblem problem={problem} />}
      {articles.length === 0 ? (
        <p className="muted" role="status">
          {filtered ? (
            <>
              No article matches. <Link href="/articles">Show all articles</Link>
            </>
          ) : (
            "No articles in this workspace yet."
          )}
        </p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Annotations</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/articles/${article.id}`}>{article.title}</Link>
                  {article.section && <div className="muted">{article.section}</div>}
                </td>
                <td>{article.outlet ?? "—"}</td>
                <td>{formatDate(article.publishedAt)}</td>
                <td>{article.annotationCount}</td>
                <td>{ARTICLE_STATUS_LABEL[article.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Article pages">
        {params.cursor && (
          <Link href={`/articles?${new URLSearchParams([...filterParams].filter(([key]) => key !== "cursor"))}`}>
            First page
          </Link>
        )}
        {nextHref && <Link href={nextHref}>Next {ARTICLE_PAGE_SIZE} articles</Link>}
      </nav>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <WorkspaceExportForm choices={choices} />
        <p className="muted">
          Also over HTTP: <code>GET /api/export?format=native|w3c|claimreview</code> with a session or an API token.
          Native files follow <a href="/api/schema/factmark.v1.json">the factmark.v1 JSON Schema</a>.
        </p>
      </section>
    </main>
  );
}
