import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation } from "@/lib/annotations/annotations";
import { listColleagues } from "@/lib/people/members";
import { listReviewQueue } from "@/lib/reviews/queue";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

describe("the review queue", () => {
  it("lists submitted work oldest submission first, filtered by article, reviewer and verdict, for editors only", async () => {
    const desk = await createWorkspace();
    const reviewer2 = await actorFor(
      (await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER", name: "Second Reviewer" })).id,
    );
    const [a, b] = await Promise.all([
      createArticle({ workspaceId: desk.workspace.id, title: "A", paragraphs: ["Alpha beta gamma delta."] }),
      createArticle({ workspaceId: desk.workspace.id, title: "B", paragraphs: ["Epsilon zeta eta theta."] }),
    ]);
    const annotate = async (
      actor: typeof desk.reviewer,
      article: typeof a,
      quote: string,
      verdict: string,
      submit = true,
    ) => {
      const text = article.revisions[0].text;
      const start = text.indexOf(quote);
      const created = await createAnnotation({
        actor,
        articleId: article.id,
        input: { revisionId: article.revisions[0].id, start, end: start + quote.length, quote, claim: quote, verdict },
      });
      if (submit)
        await changeAnnotationStatus({ actor, annotationId: created.id, input: { status: "SUBMITTED", version: 1 } });
      return created;
    };
    const first = await annotate(desk.reviewer, b, "Epsilon", "false");
    const second = await annotate(reviewer2, a, "Alpha", "true");
    const third = await annotate(desk.reviewer, a, "gamma", "false");
    await annotate(desk.reviewer, a, "delta", "false", false); // a draft: not in the queue
    await changeAnnotationStatus({
      actor: desk.editor,
      annotationId: second.id,
      input: { status: "APPROVED", version: 2 },
    });
    const fourth = await annotate(reviewer2, b, "zeta", "mixed");
    // Submitted long ago: the queue sorts by submission, not creation.
    await db.review.updateMany({
      where: { annotationId: fourth.id, toStatus: "SUBMITTED" },
      data: { createdAt: new Date("2026-01-01T00:00:00Z") },
    });

    const ids = async (filters = {}) => (await listReviewQueue({ actor: desk.editor, filters })).map((item) => item.id);
    expect(await ids()).toEqual([fourth.id, first.id, third.id]);
    expect(await ids({ article: a.id })).toEqual([third.id]);
    expect(await ids({ reviewer: reviewer2.userId })).toEqual([fourth.id]);
    expect(await ids({ verdict: "false", article: "" })).toEqual([first.id, third.id]);
    // A filter naming what is not in the workspace is explained, as on the dashboards, not shown as an empty queue (#16).
    await expect(ids({ verdict: "banana" })).rejects.toMatchObject({
      status: 400,
      message: 'verdict: "banana" is not an option of this workspace\'s verdict scale',
    });
    expect((await listReviewQueue({ actor: desk.admin }))[0]).toMatchObject({
      article: { title: "B" },
      author: { name: "Second Reviewer" },
      verdict: { key: "mixed" },
      sourceCount: 0,
    });

    await expect(listReviewQueue({ actor: desk.editor, filters: { article: "../../etc" } })).rejects.toMatchObject({
      status: 400,
      message: /article: Not a valid id/,
    });
    await expect(listReviewQueue({ actor: desk.reviewer })).rejects.toMatchObject({ status: 403 });
    await expect(listReviewQueue({ actor: null })).rejects.toMatchObject({ status: 401 });
    const other = await createWorkspace();
    expect(await listReviewQueue({ actor: other.editor })).toEqual([]);
    await expect(listReviewQueue({ actor: other.editor, filters: { article: a.id } })).rejects.toMatchObject({
      status: 400,
      message: "article: no such article in this workspace",
    });
    await expect(
      listReviewQueue({ actor: other.editor, filters: { reviewer: reviewer2.userId } }),
    ).rejects.toMatchObject({ status: 400, message: "reviewer: no such member of this workspace" });
    expect((await listColleagues({ actor: desk.reviewer })).map((p) => p.name)).toContain("Second Reviewer");
  });
});
