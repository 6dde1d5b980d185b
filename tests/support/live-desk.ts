// A workspace with one article and an `annotate` helper, for the live desk's integration tests.
import { createAnnotation } from "@/lib/annotations/annotations";
import type { Actor } from "@/lib/auth/actor";
import { createArticle, createWorkspace } from "./factories";

export async function deskWithArticle() {
  const desk = await createWorkspace();
  const article = await createArticle({
    workspaceId: desk.workspace.id,
    paragraphs: ["Taxes rose 5% last year and jobs grew."],
  });
  const annotate = (actor: Actor, start = 0, end = 5) =>
    createAnnotation({
      actor,
      articleId: article.id,
      input: {
        revisionId: article.revisions[0].id,
        start,
        end,
        quote: article.revisions[0].text.slice(start, end),
        claim: "c",
        verdict: "true",
      },
    });
  return { ...desk, article, annotate };
}
