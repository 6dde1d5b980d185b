import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { BODY_LIMITS } from "@/lib/articles/body/parse";
import { NewArticleForm } from "@/components/articles/NewArticleForm";

export const metadata: Metadata = { title: "Add an article" };

export default async function NewArticlePage() {
  const actor = await requirePageActor("/articles/new");
  const settings = await getWorkspaceSettings({ actor });
  if (!hasRole(actor.role, "EDITOR") && !settings.reviewersMayAddArticles) forbidden();
  return (
    <main>
      <h1>Add an article</h1>
      <p className="muted">
        Paste or upload plain text, Markdown or HTML. HTML is reduced to paragraphs, headings, quotes and lists with
        bold, italic and links; scripts, styles, images and embeds are dropped. Up to{" "}
        {BODY_LIMITS.characters.toLocaleString("en")} characters and {BODY_LIMITS.blocks.toLocaleString("en")} blocks.
      </p>
      <NewArticleForm />
    </main>
  );
}
