// A workspace with one article and an `annotate` helper, for the integration tests of the live desk
// and of blind second opinions.
import { createAnnotation } from "@/lib/annotations/annotations";
import type { Actor } from "@/lib/auth/actor";
import { createArticle, createWorkspace } from "./factories";

export async function deskWithArticle() {
  const desk = await createWorkspace();
  const article = await createArticle({
    workspaceId: desk.workspace.id,
    paragraphs: ["Taxes rose 5% last year and jobs grew."],
  });
  /** A bare annotation (claim "c") on characters start–end of the article's one revision. */
  const annotate = (actor: Actor, start = 0, end = 5, verdict = "true") =>
    createAnnotation({
      actor,
      articleId: article.id,
      input: {
        revisionId: article.revisions[0].id,
        start,
        end,
        quote: article.revisions[0].text.slice(start, end),
        claim: "c",
        verdict,
      },
    });
  return { ...desk, article, annotate };
}
