"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RevisionReport } from "@/lib/articles/articles";
import { BodyInput, type Body } from "./BodyInput";
import { sendJson } from "./request";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

const METHOD_LABEL = {
  position: "unchanged",
  quote: "followed exactly",
  fuzzy: "followed by a close match: check it",
  orphan: "lost: needs re-anchoring",
} as const;

/** Replaces the article's text with a new revision, then reports what happened to each annotation. */
export function ReviseForm({
  articleId,
  currentMarkdown,
  claims,
}: {
  articleId: string;
  currentMarkdown: string;
  claims: Record<string, string>;
}) {
  const [body, setBody] = useState<Body>({ format: "text", body: "" });
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<RevisionReport | null>(null);
  const [saving, setSaving] = useState(false);
  const router = useRouter();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await sendJson<RevisionReport>("POST", `/api/articles/${articleId}/revisions`, body);
    setSaving(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setReport(result.data);
    router.refresh(); // the page's heading names the current revision: now the new one
  }

  if (report) {
    const count = (method: keyof typeof METHOD_LABEL) => report.annotations.filter((a) => a.method === method).length;
    return (
      <section aria-labelledby="report-heading" data-testid="revision-report">
        <h2 id="report-heading">Revision {report.number} saved</h2>
        <p>
          {report.annotations.length} annotations: {count("position") + count("quote")} followed exactly,{" "}
          {count("fuzzy")} by a close match to check, {count("orphan")} need re-anchoring.
        </p>
        <ul>
          {report.annotations.map((a) => (
            <li key={a.annotationId}>
              “{claims[a.annotationId] ?? a.annotationId}”: {METHOD_LABEL[a.method]}
              {a.method === "fuzzy" && ` (${Math.round(a.confidence * 100)}%)`}
              {a.reason && ` (${a.reason})`}
            </li>
          ))}
        </ul>
        <p className="article-actions">
          <Link href={`/articles/${articleId}`}>Back to the article</Link>
          <Link href={`/articles/${articleId}/revisions?from=${report.number - 1}&to=${report.number}`}>
            What changed
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form method="post" onSubmit={(event) => void save(event)} aria-label="Revise the text">
      <BodyInput value={body} onChange={setBody} startFrom={currentMarkdown} />
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={saving || !body.body.trim()}>
        Save as a new revision
      </button>
    </form>
  );
}
