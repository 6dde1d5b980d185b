// A blind second opinion, walked through every read path for both blinded people: the other's
// annotations, a correction an editor started on them, their notes on a third person's
// annotation, their history and review decisions never appear (ids or text), and every count
// counts only what the reader may see. Run with the pair as reviewers (editor-only pages answer
// 403) and as editors (who can open every page, and are blinded all the same).
import { getArticlePageContext } from "@/lib/articles/page-context";
import { describe, expect, it } from "vitest";
import {
  getAnnotation,
  listAnnotationHistory,
  listAnnotationsForArticle,
  listAnnotationSummaries,
  listOrphans,
} from "@/lib/annotations/annotations";
import { createNote, listNotes } from "@/lib/annotations/notes";
import { reviseArticle } from "@/lib/articles/articles";
import { getArticle, listArticles } from "@/lib/articles/queries";
import { getRevisionDiff } from "@/lib/articles/revisions";
import { getAgreementReport } from "@/lib/dashboard/agreement";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { exportAnnotations } from "@/lib/export/export";
import { startCorrection } from "@/lib/reviews/corrections";
import { listMyWork } from "@/lib/reviews/my-work";
import { listReviewQueue } from "@/lib/reviews/queue";
import { getOpenSecondOpinion, requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { visibilityFor, visibleAnnotationSql, visibleAnnotationWhere } from "@/lib/access/visibility";
import type { Role } from "@/lib/auth/roles";
import { readAll } from "../support/exports";
import { actorFor, annotate, createArticle, createUser, createWorkspace } from "../support/factories";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example.org/fact-checks" };
const PARAGRAPHS = [
  "The mayor said taxes rose 5% last year and jobs grew by a third.",
  "Crime fell by half in the city centre, police figures show.",
  "This sentence goes away in the revision.",
];

/** One person's work on the article, every piece of text marked with their secret. */
async function workOf(
  d: { article: { id: string; revisions: { id: string; text: string }[] } },
  actor: Actor,
  secret: string,
  status: "DRAFT" | "SUBMITTED",
) {
  const make = async (quote: string, label: string) => {
    const view = await annotate(actor, d.article, quote, {
      claim: `${secret} ${label} claim`,
      claimant: `${secret} claimant`,
      rationale: `${secret} rationale`,
      verdict: "mixed",
      sources: [{ url: `https://${secret.toLowerCase()}.example/${label}` }],
      note: `${secret} ${label} note`,
    });
    if (status === "SUBMITTED")
      await changeAnnotationStatus({ actor, annotationId: view.id, input: { status: "SUBMITTED", version: 1 } });
    return view;
  };
  return { main: await make("taxes rose 5% last year", "main"), gone: await make("goes away", "gone") };
}

async function blindDesk(role: Role) {
  const desk = await createWorkspace("Blind desk");
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: PARAGRAPHS });
  const [first, second, third] = await Promise.all(
    [role, role, "REVIEWER" as const].map(async (r, i) =>
      actorFor((await createUser({ workspaceId: desk.workspace.id, role: r, name: `Person ${i + 1}` })).id),
    ),
  );
  const d = { ...desk, article, first, second, third };

  // The first reviewer's work is published; an editor then starts a correction of it (copying it).
  const a = await workOf(d, first, "KESTREL", "SUBMITTED");
  await changeAnnotationStatus({
    actor: desk.editor,
    annotationId: a.main.id,
    input: { status: "APPROVED", version: 2 },
  });
  await changeAnnotationStatus({
    actor: desk.editor,
    annotationId: a.main.id,
    input: { status: "PUBLISHED", version: 3 },
  });
  await requestSecondOpinion({
    actor: desk.editor,
    articleId: article.id,
    input: { firstReviewerId: first.userId, secondReviewerId: second.userId },
  });
  const correction = await startCorrection({
    actor: desk.editor,
    annotationId: a.main.id,
    input: { note: "Fixing the figure" },
  });

  // The second reviewer keeps a draft, so the blind stays open. A third person's submitted annotation
  // overlaps the first reviewer's (an agreement pair) and gets notes from both.
  const b = await workOf(d, second, "OCELOT", "DRAFT");
  const shared = await annotate(third, article, "taxes rose 5% last year and jobs", {
    claim: "Taxes and jobs",
    verdict: "true",
  });
  await changeAnnotationStatus({ actor: third, annotationId: shared.id, input: { status: "SUBMITTED", version: 1 } });
  const aNote = await createNote({
    actor: first,
    annotationId: shared.id,
    input: { body: "KESTREL note on a third person's work" },
  });
  const bNote = await createNote({
    actor: second,
    annotationId: shared.id,
    input: { body: "OCELOT note on a third person's work" },
  });

  // A revision: every annotation moves or is orphaned, so the diff and the orphan list have something to show.
  await reviseArticle({
    actor: desk.editor,
    articleId: article.id,
    input: { format: "text", body: PARAGRAPHS.slice(0, 2).join("\n\n") },
  });
  expect(await getOpenSecondOpinion({ actor: desk.editor, articleId: article.id })).not.toBeNull();

  return {
    ...d,
    shared,
    alpha: {
      actor: first,
      ids: [a.main.id, a.gone.id, aNote.id],
      secret: "KESTREL",
      own: [a.main.id, a.gone.id, correction.id],
    },
    bravo: { actor: second, ids: [b.main.id, b.gone.id, bNote.id], secret: "OCELOT", own: [b.main.id, b.gone.id] },
    correction,
  };
}

/** Every read path a member can call, as the viewer: each answer, or its refusal's status. */
async function readEverything(d: Awaited<ReturnType<typeof blindDesk>>, viewer: Actor, hiddenIds: string[]) {
  const answers: Record<string, unknown> = {};
  const read = async (name: string, call: () => Promise<unknown>) => {
    try {
      answers[name] = await call();
    } catch (error) {
      answers[name] = { refused: (error as { status?: number }).status ?? String(error) };
    }
  };
  const articleId = d.article.id;
  await read("articles", () => listArticles({ actor: viewer }));
  await read("article", () => getArticle({ actor: viewer, articleId }));
  await read("annotations", () => listAnnotationsForArticle({ actor: viewer, articleId }));
  await read("summaries", () => listAnnotationSummaries({ actor: viewer, articleId }));
  await read("orphans", () => listOrphans({ actor: viewer, articleId }));
  await read("page context", () => getArticlePageContext({ actor: viewer, articleId }));
  await read("shared", () => getAnnotation({ actor: viewer, annotationId: d.shared.id }));
  await read("sharedNotes", () => listNotes({ actor: viewer, annotationId: d.shared.id }));
  await read("sharedHistory", () => listAnnotationHistory({ actor: viewer, annotationId: d.shared.id }));
  for (const id of [...hiddenIds, d.correction.id]) {
    await read(`annotation ${id}`, () => getAnnotation({ actor: viewer, annotationId: id }));
    await read(`notes ${id}`, () => listNotes({ actor: viewer, annotationId: id }));
    await read(`history ${id}`, () => listAnnotationHistory({ actor: viewer, annotationId: id }));
  }
  await read("diff", () => getRevisionDiff({ actor: viewer, articleId, from: 1, to: 2 }));
  for (const format of ["native", "w3c", "claimreview"]) {
    await read(`export ${format}`, async () =>
      readAll(await exportAnnotations({ actor: viewer, query: { format }, urls: URLS })),
    );
    await read(`export ${format} article`, async () =>
      readAll(await exportAnnotations({ actor: viewer, query: { format, article: articleId }, urls: URLS })),
    );
  }
  await read("my work", () => listMyWork({ actor: viewer }));
  await read("queue", () => listReviewQueue({ actor: viewer }));
  await read("dashboard", () => getDashboard({ actor: viewer }));
  await read("agreement", () => getAgreementReport({ actor: viewer }));
  return answers;
}

describe.each(["REVIEWER", "EDITOR"] as const)("a blind second opinion between two %ss", (role) => {
  it("shows neither the other's work on any read path, nor counts it", async () => {
    const d = await blindDesk(role);
    for (const [me, other] of [
      [d.alpha, d.bravo],
      [d.bravo, d.alpha],
    ] as const) {
      // The correction copies the first reviewer's work: hidden from the second, the first's own to see.
      const hiddenIds = me === d.bravo ? [...other.ids, d.correction.id] : other.ids;
      const answers = await readEverything(d, me.actor, hiddenIds);
      for (const [path, answer] of Object.entries(answers)) {
        const text = JSON.stringify(answer);
        // Soft: a failure lists every path that leaks, not only the first.
        expect.soft(text.toLowerCase(), `${me.secret} reads ${path}`).not.toContain(other.secret.toLowerCase());
        for (const id of hiddenIds) {
          if (path.endsWith(id)) expect.soft(answer, `${me.secret} reads ${path}`).toEqual({ refused: 404 });
          else expect.soft(text, `${me.secret} reads ${path}`).not.toContain(id);
        }
      }

      // Counts: only what this reader may see (the shared annotation, and their own current work).
      const visibleCount = 1 + me.own.length;
      const articleRow = (answers.articles as { id: string; annotationCount: number }[]).find(
        (a) => a.id === d.article.id,
      );
      expect.soft(articleRow?.annotationCount, `${me.secret} article list count`).toBe(visibleCount);
      expect
        .soft((answers.article as { annotationCount: number }).annotationCount, `${me.secret} article count`)
        .toBe(visibleCount);
      expect.soft((answers.annotations as unknown[]).length).toBe(visibleCount);
      expect
        .soft((answers.summaries as { id: string; noteCount: number }[]).find((s) => s.id === d.shared.id)?.noteCount)
        .toBe(1);
      expect.soft((answers.sharedNotes as unknown[]).length).toBe(1);
      if (role === "EDITOR") {
        // Current work counted by the dashboard: what they see here plus nothing else in this desk.
        expect.soft((answers.dashboard as { total: number }).total, `${me.secret} dashboard total`).toBe(visibleCount);
        // The one pair (the first reviewer's and the third person's) is the first reviewer's to see.
        const pairs = me === d.alpha ? 1 : 0;
        expect
          .soft((answers.dashboard as { agreement: { pairs: number } }).agreement.pairs, `${me.secret} dashboard pairs`)
          .toBe(pairs);
        expect
          .soft((answers.agreement as { workspace: { pairs: number } }).workspace.pairs, `${me.secret} agreement pairs`)
          .toBe(pairs);
      } else {
        for (const page of ["queue", "dashboard", "agreement"]) expect.soft(answers[page]).toEqual({ refused: 403 });
      }
    }

    // The editor who asked for the blind sees everyone's work.
    const editorView = await listAnnotationsForArticle({ actor: d.editor, articleId: d.article.id });
    expect(editorView.map((a) => a.id).sort()).toEqual([...d.alpha.own, ...d.bravo.own, d.shared.id].sort());
    expect((await listNotes({ actor: d.editor, annotationId: d.shared.id })).length).toBe(2);
    expect((await getAgreementReport({ actor: d.editor })).workspace.pairs).toBe(1);
  });
});

describe("the visibility rule's two forms", () => {
  it("the Prisma where and its SQL twin select the same annotations, for each blinded person and an editor", async () => {
    const d = await blindDesk("REVIEWER");
    for (const viewer of [d.alpha.actor, d.bravo.actor, d.editor, d.third]) {
      const visibility = await visibilityFor(db, viewer);
      const viaPrisma = (
        await db.annotation.findMany({ where: visibleAnnotationWhere(visibility), select: { id: true } })
      )
        .map((r) => r.id)
        .sort();
      const viaSql = (
        await db.$queryRaw<{ id: string }[]>`SELECT a.id FROM "Annotation" a WHERE ${visibleAnnotationSql(visibility)}`
      )
        .map((r) => r.id)
        .sort();
      expect(viaSql).toEqual(viaPrisma);
      expect(viaPrisma.length).toBe(viewer === d.editor || viewer === d.third ? 6 : viewer === d.alpha.actor ? 4 : 3);
    }
  });
});
