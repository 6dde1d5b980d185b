import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getAnnotation,
  listAnnotationHistory,
  listAnnotationsForArticle,
  listAnnotationSummaries,
} from "@/lib/annotations/annotations";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { getOpenSecondOpinion, requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { exportAnnotations } from "@/lib/export/export";
import type { Actor } from "@/lib/auth/actor";
import { readAll } from "../support/exports";
import { actorFor, createUser, createWorkspace } from "../support/factories";
import { deskWithArticle } from "../support/live-desk";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example.org/fact-checks" };

/** The live desk's workspace and article, with a second reviewer and a way to submit. */
async function desk() {
  const desk = await deskWithArticle();
  const second = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
  const submit = (actor: Actor, id: string) =>
    changeAnnotationStatus({ actor, annotationId: id, input: { status: "SUBMITTED", version: 1 } });
  return { ...desk, second, submit };
}

describe("blind second opinion", () => {
  it("hides each reviewer's annotations on the article from the other until both have submitted", async () => {
    const d = await desk();
    const firstWork = await d.annotate(d.reviewer, 0, 13, "true");
    await d.submit(d.reviewer, firstWork.id);
    const opinion = await requestSecondOpinion({
      actor: d.editor,
      articleId: d.article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: d.second.userId },
    });
    expect(opinion).toMatchObject({
      firstReviewer: { id: d.reviewer.userId },
      secondReviewer: { id: d.second.userId },
      revealedAt: null,
    });
    expect(await getOpenSecondOpinion({ actor: d.second, articleId: d.article.id })).toMatchObject({ id: opinion.id });

    const secondWork = await d.annotate(d.second, 0, 13, "false");
    const visibleTo = async (actor: Actor) =>
      (await listAnnotationSummaries({ actor, articleId: d.article.id })).map((a) => a.id).sort();
    expect(await visibleTo(d.second)).toEqual([secondWork.id]);
    expect(await visibleTo(d.reviewer)).toEqual([firstWork.id]);
    expect((await listAnnotationsForArticle({ actor: d.second, articleId: d.article.id })).map((a) => a.id)).toEqual([
      secondWork.id,
    ]);
    expect(await visibleTo(d.editor)).toEqual([firstWork.id, secondWork.id].sort());
    await expect(getAnnotation({ actor: d.second, annotationId: firstWork.id })).rejects.toMatchObject({ status: 404 });
    await expect(listAnnotationHistory({ actor: d.reviewer, annotationId: secondWork.id })).rejects.toMatchObject({
      status: 404,
    });
    const exported = (await readAll(
      await exportAnnotations({ actor: d.second, query: { format: "native" }, urls: URLS }),
    )) as { annotations: { id: string }[] };
    expect(exported.annotations.map((a) => a.id)).toEqual([secondWork.id]);

    // The second reviewer submits: both have now submitted, the blind lifts for good.
    await d.submit(d.second, secondWork.id);
    expect(await visibleTo(d.second)).toEqual([firstWork.id, secondWork.id].sort());
    expect(await visibleTo(d.reviewer)).toEqual([firstWork.id, secondWork.id].sort());
    expect(await getOpenSecondOpinion({ actor: d.editor, articleId: d.article.id })).toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: d.article.id, action: { startsWith: "second-opinion." } } }),
    ).toBe(2);
  });

  it("stays blind while either reviewer still has a draft there", async () => {
    const d = await desk();
    const firstWork = await d.annotate(d.reviewer, 0, 13, "true");
    await requestSecondOpinion({
      actor: d.editor,
      articleId: d.article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: d.second.userId },
    });
    const secondWork = await d.annotate(d.second, 0, 13, "false");
    await d.submit(d.second, secondWork.id);
    expect((await listAnnotationSummaries({ actor: d.second, articleId: d.article.id })).map((a) => a.id)).toEqual([
      secondWork.id,
    ]);
    await d.submit(d.reviewer, firstWork.id);
    expect(await listAnnotationSummaries({ actor: d.second, articleId: d.article.id })).toHaveLength(2);
  });

  it("refuses reviewers (403), other desks (404), no session (401), bad people (400) and a second blind on the article (409)", async () => {
    const d = await desk();
    const other = await createWorkspace();
    const input = { firstReviewerId: d.reviewer.userId, secondReviewerId: d.second.userId };
    const ask = (actor: Actor | null, body: unknown, articleId: string = d.article.id) =>
      requestSecondOpinion({ actor, articleId, input: body });
    await expect(ask(d.reviewer, input)).rejects.toMatchObject({ status: 403 });
    await expect(ask(other.editor, input)).rejects.toMatchObject({ status: 404 });
    await expect(ask(null, input)).rejects.toMatchObject({ status: 401 });
    await expect(
      ask(d.editor, { firstReviewerId: d.reviewer.userId, secondReviewerId: d.reviewer.userId }),
    ).rejects.toMatchObject({ status: 400, message: /two different reviewers/ });
    await expect(
      ask(d.editor, { firstReviewerId: d.reviewer.userId, secondReviewerId: other.reviewer.userId }),
    ).rejects.toMatchObject({ status: 400, message: /active members/ });
    await expect(ask(d.editor, { firstReviewerId: "nope" })).rejects.toMatchObject({ status: 400 });
    expect(await db.secondOpinion.count({ where: { articleId: d.article.id } })).toBe(0);
    await ask(d.editor, input);
    await expect(ask(d.admin, input)).rejects.toMatchObject({ status: 409 });
    expect(await db.secondOpinion.count({ where: { articleId: d.article.id } })).toBe(1);
  });
});
