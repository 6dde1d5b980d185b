import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getArticle } from "@/lib/articles/queries";
import { listAnnotationSummaries } from "@/lib/annotations/annotations";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { loadPageData } from "@/lib/http/page-data";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { writeMarkdown } from "@/lib/articles/body/markdown";
import { ReviseForm } from "@/components/articles/ReviseForm";

export const metadata: Metadata = { title: "Revise article" };

export default async function ReviseArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/revise`);
  const [article, annotations, settings] = await loadPageData(() =>
    Promise.all([
      getArticle({ actor, articleId: id }),
      listAnnotationSummaries({ actor, articleId: id }),
      getWorkspaceSettings({ actor }),
    ]),
  );
  if (!hasRole(actor.role, "EDITOR") && !settings.reviewersMayAddArticles) forbidden();
  return (
    <main>
      <p>
        <Link href={`/articles/${id}`}>← {article.title}</Link>
      </p>
      <h1>Revise the text (now revision {article.revision.number})</h1>
      <p className="muted">
        The new text becomes revision {article.revision.number + 1}; earlier revisions stay readable. Each of the{" "}
        {annotations.length} annotations follows its passage when it can; the ones that cannot are listed on the article
        as needing re-anchoring.
      </p>
      <ReviseForm
        articleId={id}
        currentMarkdown={writeMarkdown(article.revision.body)}
        claims={Object.fromEntries(annotations.map((a) => [a.id, a.claim]))}
      />
    </main>
  );
}
