// The article page's side data in one statement (lib/articles/page-context.ts) answers what the
// six lib functions it replaced answer, for every kind of reader, with a blind, orphans (one of
// them hidden by the blind), a retired verdict, a deactivated member and assignments.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, listOrphans } from "@/lib/annotations/annotations";
import { getArticlePageContext } from "@/lib/articles/page-context";
import { listAssignments, setAssignments } from "@/lib/assignments/assignments";
import { listColleagues } from "@/lib/people/members";
import { getOpenSecondOpinion, requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

async function separately(actor: Actor, articleId: string) {
  const [orphans, choices, settings, blind, people, assignments] = await Promise.all([
    listOrphans({ actor, articleId }),
    listVerdictChoices({ actor }),
    getWorkspaceSettings({ actor }),
    getOpenSecondOpinion({ actor, articleId }),
    listColleagues({ actor }),
    listAssignments({ actor, articleId }),
  ]);
  return { orphans, choices, settings, blind, people, assignments };
}

describe("getArticlePageContext", () => {
  it("answers what listOrphans, listVerdictChoices, getWorkspaceSettings, getOpenSecondOpinion, listColleagues and listAssignments do", async () => {
    const desk = await createWorkspace();
    const article = await createArticle({
      workspaceId: desk.workspace.id,
      paragraphs: ["Taxes rose 5% and jobs grew."],
    });
    const revision = article.revisions[0];
    const second = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
    const gone = await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER", name: "Aaron Gone" });
    await db.membership.updateMany({ where: { userId: gone.id }, data: { deactivatedAt: new Date() } });
    await db.verdictOption.update({ where: { id: desk.options[2].id }, data: { retiredAt: new Date() } });

    const annotate = (actor: Actor, start: number, end: number) =>
      createAnnotation({
        actor,
        articleId: article.id,
        input: {
          revisionId: revision.id,
          start,
          end,
          quote: revision.text.slice(start, end),
          claim: "c",
          verdict: "true",
        },
      });
    const orphaned = [
      await annotate(desk.reviewer, 0, 5),
      await annotate(second, 6, 10),
      await annotate(desk.editor, 11, 13),
    ];
    await annotate(desk.reviewer, 14, 17); // placed: not an orphan
    await db.annotation.updateMany({
      where: { id: { in: orphaned.map((a) => a.id) } },
      data: { placement: "ORPHANED" },
    });
    await db.reanchoring.create({
      data: {
        annotationId: orphaned[0].id,
        fromRevisionId: revision.id,
        toRevisionId: revision.id,
        method: "orphan",
        confidence: 0,
        oldStart: 0,
        oldEnd: 5,
        oldQuote: "Taxes",
        reason: "its text was deleted or replaced",
      },
    });
    await requestSecondOpinion({
      actor: desk.editor,
      articleId: article.id,
      input: { firstReviewerId: desk.reviewer.userId, secondReviewerId: second.userId },
    });
    await setAssignments({
      actor: desk.editor,
      articleId: article.id,
      input: {
        assignments: [
          { userId: second.userId, dueOn: "2026-12-20" },
          { userId: desk.reviewer.userId, dueOn: null },
        ],
      },
    });

    for (const actor of [desk.reviewer, second, desk.editor, desk.admin]) {
      const together = await getArticlePageContext({ actor, articleId: article.id });
      expect(together).toEqual(await separately(actor, article.id));
    }
    // The blind hides each reviewer's orphan from the other; the editor sees all three.
    const orphansOf = async (actor: Actor) =>
      (await getArticlePageContext({ actor, articleId: article.id })).orphans.map((o) => o.id);
    expect(await orphansOf(desk.reviewer)).toEqual([orphaned[0].id, orphaned[2].id]);
    expect(await orphansOf(second)).toEqual([orphaned[1].id, orphaned[2].id]);
    expect(await orphansOf(desk.editor)).toEqual(orphaned.map((a) => a.id));
  });

  it("is 404 for another workspace's article and 400 for a malformed id, 401 without an actor", async () => {
    const desk = await createWorkspace();
    const other = await createWorkspace();
    const article = await createArticle({ workspaceId: desk.workspace.id });
    await expect(getArticlePageContext({ actor: other.editor, articleId: article.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getArticlePageContext({ actor: desk.editor, articleId: "not an id!" })).rejects.toMatchObject({
      status: 400,
    });
    await expect(getArticlePageContext({ actor: null, articleId: article.id })).rejects.toMatchObject({ status: 401 });
  });
});
