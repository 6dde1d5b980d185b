// A desk with known text for the search and claim-matching tests: each claim is its own
// paragraph of one article, annotated over the whole paragraph through the real create path.
import { createAnnotation } from "@/lib/annotations/annotations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { AnnotationStatus } from "@/lib/db/generated/enums";
import { createArticle } from "./factories";

export type Claim = {
  claim: string;
  claimant?: string;
  rationale?: string;
  verdict?: string;
  note?: string;
  sources?: { url: string; title?: string; publisher?: string }[];
  status?: AnnotationStatus;
};

/** Annotates `claims` on a new article by `author`; statuses are set directly (the review workflow has its own tests). */
export async function annotateClaims(options: { workspaceId: string; author: Actor; claims: Claim[]; title?: string }) {
  const article = await createArticle({
    workspaceId: options.workspaceId,
    title: options.title ?? "Claims article",
    paragraphs: options.claims.map((c) => c.claim),
  });
  const revision = article.revisions[0];
  const ids: string[] = [];
  for (const c of options.claims) {
    const start = revision.text.indexOf(c.claim);
    const view = await createAnnotation({
      actor: options.author,
      articleId: article.id,
      input: {
        revisionId: revision.id,
        start,
        end: start + c.claim.length,
        quote: c.claim,
        claim: c.claim,
        claimant: c.claimant,
        rationale: c.rationale,
        verdict: c.verdict ?? "false",
        note: c.note,
        sources: c.sources,
      },
    });
    if (c.status && c.status !== "DRAFT")
      await db.annotation.update({ where: { id: view.id }, data: { status: c.status, approvedAt: new Date() } });
    ids.push(view.id);
  }
  return { article, ids };
}
