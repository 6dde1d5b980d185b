// `reusedFrom` under a blind second opinion (issue #13): an annotation that reused a check now
// hidden from the reader must not name that check's id on any read path (the API's one and list
// reads, history, the native export through SQL and through the Prisma reference), while people
// who may see it still do.
import { describe, expect, it } from "vitest";
import {
  createAnnotation,
  getAnnotation,
  listAnnotationHistory,
  listAnnotationsForArticle,
} from "@/lib/annotations/annotations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { exportAnnotations } from "@/lib/export/export";
import { toNativeAnnotation } from "@/lib/export/native";
import { annotationBatches, selectionFor } from "@/lib/export/query";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { expectValidNative, readAll } from "../support/exports";
import { actorFor, createUser, createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example/c" };

async function reuseDesk() {
  const d = await createWorkspace("Reuse blind desk");
  const [first, second] = await Promise.all(
    ["First", "Second"].map(async (name) =>
      actorFor((await createUser({ workspaceId: d.workspace.id, role: "REVIEWER", name })).id),
    ),
  );
  // The second reviewer's published check on article X; the editor reuses it on article Y.
  const hidden = await annotateClaims({
    workspaceId: d.workspace.id,
    author: second,
    title: "Article X",
    claims: [{ claim: "Bus fares rose 12 percent in 2025", status: "PUBLISHED" }],
  });
  const other = await annotateClaims({
    workspaceId: d.workspace.id,
    author: d.editor,
    title: "Article Y",
    claims: [{ claim: "Bus fares went up by twelve percent last year" }],
  });
  const revision = other.article.revisions[0];
  const quote = "went up by twelve percent";
  const start = revision.text.indexOf(quote);
  const reusing = await createAnnotation({
    actor: d.editor,
    articleId: other.article.id,
    input: {
      revisionId: revision.id,
      start,
      end: start + quote.length,
      quote,
      claim: "Bus fares went up by twelve percent",
      verdict: "false",
      reusedFrom: hidden.ids[0],
    },
  });
  // Now a blind second opinion on X: the first reviewer may no longer see the second's check.
  await requestSecondOpinion({
    actor: d.editor,
    articleId: hidden.article.id,
    input: { firstReviewerId: first.userId, secondReviewerId: second.userId },
  });
  return { ...d, first, second, hiddenId: hidden.ids[0], reusingId: reusing.id, articleY: other.article.id };
}

/** Every read of the reusing annotation, as `actor` gets it. */
async function readsOf(d: Awaited<ReturnType<typeof reuseDesk>>, actor: Actor) {
  const one = await getAnnotation({ actor, annotationId: d.reusingId });
  const list = (await listAnnotationsForArticle({ actor, articleId: d.articleY })).find((a) => a.id === d.reusingId)!;
  const history = await listAnnotationHistory({ actor, annotationId: d.reusingId });
  const document = (await readAll(
    await exportAnnotations({ actor, query: { format: "native", article: d.articleY }, urls: URLS }),
  )) as { annotations: { id: string; reusedFrom?: unknown }[] };
  expectValidNative(document);
  const selection = await selectionFor(actor, { format: "native", article: d.articleY } as never);
  const reference = [];
  for await (const batch of annotationBatches(selection))
    reference.push(...batch.map((row) => toNativeAnnotation(row, { worstRating: 1, bestRating: 7 }, false)));
  return {
    one: one.reusedFrom,
    list: list.reusedFrom,
    history: (history[0].after as { reusedFrom?: unknown }).reusedFrom ?? null,
    export: document.annotations.find((a) => a.id === d.reusingId)!.reusedFrom ?? null,
    reference: reference.find((a) => a.id === d.reusingId)!.reusedFrom ?? null,
    text: JSON.stringify([one, list, history, document, reference]),
  };
}

describe("reusedFrom and the blind rule", () => {
  it("never names a reused check hidden from the reader, on any read path", async () => {
    const d = await reuseDesk();
    const blinded = await readsOf(d, d.first);
    expect(blinded).toMatchObject({ one: null, list: null, history: null, export: null, reference: null });
    expect(blinded.text).not.toContain(d.hiddenId);
  });

  it("still names it for those who may see it: the editor and the check's own author", async () => {
    const d = await reuseDesk();
    for (const actor of [d.editor, d.second]) {
      const reads = await readsOf(d, actor);
      expect(reads).toMatchObject({
        one: { annotationId: d.hiddenId, referenceId: null },
        list: { annotationId: d.hiddenId, referenceId: null },
        history: { annotationId: d.hiddenId },
        export: { annotationId: d.hiddenId, referenceUrl: null },
        reference: { annotationId: d.hiddenId, referenceUrl: null },
      });
    }
  });

  it("keeps the reference check a reuse came from when the annotation it also names is hidden", async () => {
    const d = await reuseDesk();
    const reference = await db.referenceCheck.create({
      data: { workspaceId: d.workspace.id, url: "https://other.example/check/1", claim: "Bus fares rose 12%" },
    });
    await db.annotation.update({ where: { id: d.reusingId }, data: { reusedFromReferenceId: reference.id } });
    const blinded = await readsOf(d, d.first);
    expect(blinded).toMatchObject({
      one: { annotationId: null, referenceId: reference.id },
      list: { annotationId: null, referenceId: reference.id },
      export: { annotationId: null, referenceUrl: reference.url },
      reference: { annotationId: null, referenceUrl: reference.url },
    });
    expect(blinded.text).not.toContain(d.hiddenId);
  });
});
