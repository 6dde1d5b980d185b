import type { Metadata } from "next";
import Link from "next/link";
import { getRevisionDiff, listRevisions } from "@/lib/articles/revisions";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { loadPageData } from "@/lib/http/page-data";

export const metadata: Metadata = { title: "Revisions" };

const METHOD_LABEL: Record<string, string> = {
  position: "unchanged",
  quote: "followed exactly",
  fuzzy: "close match, to check",
  orphan: "needs re-anchoring",
};

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requirePageActor(`/articles/${id}/revisions`);
  const revisions = await loadPageData(() => listRevisions({ actor, articleId: id }));
  const newest = revisions[0].number;
  const to = Number(query.to ?? newest);
  const from = Number(query.from ?? to - 1);
  const diff = newest > 1 ? await loadPageData(() => getRevisionDiff({ actor, articleId: id, from, to })) : null;
  return (
    <main>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>Revisions</h1>
      <ol reversed>
        {revisions.map((r) => (
          <li key={r.id}>
            Revision {r.number}, {formatDateTime(r.createdAt)}
            {r.createdBy && ` by ${r.createdBy}`}, {r.characters.toLocaleString("en")} characters
            {r.number > 1 && (
              <>
                {" · "}
                <Link href={`/articles/${id}/revisions?from=${r.number - 1}&to=${r.number}`}>
                  changes from {r.number - 1}
                </Link>
              </>
            )}
          </li>
        ))}
      </ol>
      {diff && (
        <>
          <h2>
            Changes from revision {diff.from} to {diff.to}
          </h2>
          <p className="muted">
            <del>Removed</del> and <ins>added</ins> text.
          </p>
          <div className="diff card" data-testid="revision-diff">
            {diff.parts.map((part, i) =>
              part.kind === "added" ? (
                <ins key={i}>{part.text}</ins>
              ) : part.kind === "removed" ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </div>
          <h2>Annotations in revision {diff.to}</h2>
          {diff.annotations.length === 0 ? (
            <p className="muted">No annotations were carried into this revision.</p>
          ) : (
            <ul data-testid="revision-annotations">
              {diff.annotations.map((a) => (
                <li key={a.annotationId}>
                  <strong>{a.claim}</strong>: {METHOD_LABEL[a.method] ?? a.method}
                  {a.method === "fuzzy" && ` (${Math.round(a.confidence * 100)}%)`}. Was “{a.oldQuote}”
                  {a.newQuote !== null && a.newQuote !== a.oldQuote && <>, now “{a.newQuote}”</>}
                  {a.reason && <span className="muted"> ({a.reason})</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
