import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getArticle } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { loadPageData } from "@/lib/http/page-data";
import { EditDetailsForm } from "@/components/articles/EditDetailsForm";

export const metadata: Metadata = { title: "Edit article details" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/edit`);
  const article = await loadPageData(() => getArticle({ actor, articleId: id }));
  if (!hasRole(actor.role, "EDITOR")) forbidden();
  return (
    <main>
      <p>
        <Link href={`/articles/${id}`}>← {article.title}</Link>
      </p>
      <h1>Edit details</h1>
      <EditDetailsForm
        articleId={id}
        initial={{
          title: article.title,
          outlet: article.outlet ?? "",
          author: article.author ?? "",
          url: article.sourceUrl ?? "",
          publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? "",
          section: article.section ?? "",
        }}
      />
    </main>
  );
}
