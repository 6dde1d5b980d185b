import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const actor = await requirePageActor("/articles");
  const articles = await listArticles({ actor });
  return (
    <main>
      <h1>Articles</h1>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
