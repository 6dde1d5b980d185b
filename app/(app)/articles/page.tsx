import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { ARTICLE_STATUS_LABEL } from "@/lib/articles/status";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { WorkspaceExportForm } from "@/components/exchange/WorkspaceExportForm";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const actor = await requirePageActor("/articles");
  const [articles, choices, settings] = await Promise.all([listArticles({ actor }), listVerdictChoices({ actor }), getWorkspaceSettings({ actor })]);
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
      {articles.length === 0 ? (
        <p className="muted">No articles in this workspace yet.</p>
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
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <WorkspaceExportForm choices={choices} />
        <p className="muted">
          Also over HTTP: <code>GET /api/export?format=native|w3c|claimreview</code> with a session or an API token. Native files follow{" "}
          <a href="/api/schema/factmark.v1.json">the factmark.v1 JSON Schema</a>.
        </p>
      </section>
    </main>
  );
}
