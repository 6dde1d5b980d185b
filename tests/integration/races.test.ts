// Races: every versioned write, and every write that puts an annotation on the current revision,
// run against a competitor at the same moment, many times. Each trial asserts exactly one winner
// (the loser gets a clear 409, never a 500) and exact row counts afterwards.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { setPlacement } from "@/lib/annotations/placement";
import { reviseArticle } from "@/lib/articles/articles";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { exportAnnotations } from "@/lib/export/export";
import { importAnnotations } from "@/lib/import/import";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";
import { readAll } from "../support/exports";

const TRIALS = 10;
const PARAGRAPHS = [
  "The mayor said taxes rose 5% last year.",
  "Crime fell by half in the city centre, police figures show.",
  "Officials denied any link.",
];

/** Runs the attempts at once; answers the winners and the losers' statuses (anything but an AppError fails the test). */
async function race<T>(attempts: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(attempts.map((attempt) => attempt()));
  const won = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
  for (const error of lost) expect(error, String(error)).toBeInstanceOf(AppError);
  return { won, lostStatuses: lost.map((e: AppError) => e.status) };
}

async function deskWithArticle() {
  const desk = await createWorkspace("Race desk");
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: PARAGRAPHS });
  const revision = article.revisions[0];
  const span = (quote: string) => {
    const start = revision.text.indexOf(quote);
    return { revisionId: revision.id, start, end: start + quote.length, quote };
  };
  const annotate = (quote: string, actor = desk.reviewer) =>
    createAnnotation({ actor, articleId: article.id, input: { ...span(quote), claim: quote, verdict: "mixed" } });
  return { ...desk, article, revision, span, annotate };
}

/** A revision that keeps the annotated sentences: every annotation on the old text can follow. */
/** A native export of another desk's article with two annotations, to import. */
async function exportedTwoAnnotations() {
  const source = await deskWithArticle();
  await source.annotate("taxes rose 5%");
  await source.annotate("Crime fell by half");
  return readAll(
    await exportAnnotations({
      actor: source.editor,
      query: { format: "native", article: source.article.id },
      urls: { baseUrl: "https://f.example", checkBaseUrl: "https://f.example/c" },
    }),
  );
}

const keepingRevision = (n: number) => ({
  format: "text",
  body: [...PARAGRAPHS, `Revision ${n} adds a line.`].join("\n\n"),
});

/** Live annotations of the article that still sit on text the article no longer shows. */
async function stranded(articleId: string) {
  const current = await db.articleRevision.findFirstOrThrow({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  return db.annotation.count({
    where: {
      articleId,
      deletedAt: null,
      placement: { in: ["ANCHORED", "NEEDS_CHECK"] },
      revisionId: { not: current.id },
    },
  });
}

describe("annotations written while the article is revised", () => {
  it("creates racing a revision: each annotation is moved by it or refused with 409, never left on the old text", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const quotes = ["taxes rose 5%", "Crime fell by half", "police figures", "denied any link"];
      const { won, lostStatuses } = await race<unknown>([
        ...quotes.map((q) => () => desk.annotate(q)),
        () => reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: keepingRevision(trial) }),
      ]);
      expect(lostStatuses.every((s) => s === 409)).toBe(true);
      const created = won.length - 1; // the revision always succeeds
      expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(created);
      expect(await stranded(desk.article.id)).toBe(0);
      expect(await db.articleRevision.count({ where: { articleId: desk.article.id } })).toBe(2);
    }
  });

  it("placing an orphan racing a revision: placed on the newest text or refused, never stranded", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const orphan = await desk.annotate("denied any link");
      // The sentence goes: the annotation is orphaned on revision 2.
      await reviseArticle({
        actor: desk.editor,
        articleId: desk.article.id,
        input: { format: "text", body: PARAGRAPHS.slice(0, 2).join("\n\n") },
      });
      const second = await db.articleRevision.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
      const quote = "Crime fell by half";
      const start = second.text.indexOf(quote);
      const { won, lostStatuses } = await race<unknown>([
        () =>
          setPlacement({
            actor: desk.reviewer,
            annotationId: orphan.id,
            input: {
              action: "place",
              version: orphan.version,
              revisionId: second.id,
              start,
              end: start + quote.length,
              quote,
            },
          }),
        () =>
          reviseArticle({
            actor: desk.editor,
            articleId: desk.article.id,
            input: { format: "text", body: [...PARAGRAPHS.slice(0, 2), "A new closing line."].join("\n\n") },
          }),
      ]);
      expect(won.length + lostStatuses.length).toBe(2);
      expect(lostStatuses.every((s) => s === 409)).toBe(true);
      expect(await stranded(desk.article.id)).toBe(0);
      expect(await db.reanchoring.count({ where: { annotationId: orphan.id, method: "manual" } })).toBe(won.length - 1);
    }
  });

  it("a correction started racing a revision: the copy is moved by it too, never left on the old text", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const { id } = await desk.annotate("taxes rose 5%");
      await changeAnnotationStatus({
        actor: desk.reviewer,
        annotationId: id,
        input: { version: 1, status: "SUBMITTED" },
      });
      await changeAnnotationStatus({ actor: desk.editor, annotationId: id, input: { version: 2, status: "APPROVED" } });
      await changeAnnotationStatus({
        actor: desk.editor,
        annotationId: id,
        input: { version: 3, status: "PUBLISHED" },
      });
      const { won, lostStatuses } = await race<unknown>([
        () => startCorrection({ actor: desk.editor, annotationId: id, input: { note: "Fix" } }),
        () => reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: keepingRevision(trial) }),
      ]);
      expect(lostStatuses).toEqual([]);
      expect(won).toHaveLength(2);
      expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(2);
      expect(await stranded(desk.article.id)).toBe(0);
    }
  });

  it("imports racing a revision: imported annotations are moved by it or the import is refused", async () => {
    const document = await exportedTwoAnnotations();
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const { won, lostStatuses } = await race<unknown>([
        () => importAnnotations({ actor: desk.editor, articleId: desk.article.id, document }),
        () => reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: keepingRevision(trial) }),
      ]);
      expect(lostStatuses.every((s) => s === 409)).toBe(true);
      expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe((won.length - 1) * 2);
      expect(await stranded(desk.article.id)).toBe(0);
    }
  });

  it("the same import posted twice at once: one imports, the other is 409 or skips them all; never a 500", async () => {
    const document = await exportedTwoAnnotations();
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const { won, lostStatuses } = await race(
        Array.from(
          { length: 2 },
          () => () => importAnnotations({ actor: desk.editor, articleId: desk.article.id, document }),
        ),
      );
      expect(lostStatuses.every((s) => s === 409)).toBe(true);
      expect(won.reduce((sum, report) => sum + report.imported.length, 0)).toBe(2);
      expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(2);
      expect(await db.auditEvent.count({ where: { workspaceId: desk.workspace.id, action: "import" } })).toBe(2);
    }
  });
});

describe("versioned writes to one annotation", () => {
  /** Two writes naming the same version: exactly one wins, the version moves by one, one audit event. */
  async function expectOneWinner(
    attempts: (
      desk: Awaited<ReturnType<typeof deskWithArticle>>,
      annotation: { id: string; version: number },
    ) => (() => Promise<unknown>)[],
    prepare?: (desk: Awaited<ReturnType<typeof deskWithArticle>>, id: string) => Promise<void>,
    loser: number[] = [409],
  ) {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const created = await desk.annotate("taxes rose 5%");
      await prepare?.(desk, created.id);
      const before = await db.annotation.findUniqueOrThrow({ where: { id: created.id } });
      const events = await db.auditEvent.count({ where: { entityId: created.id } });
      const { won, lostStatuses } = await race(attempts(desk, before));
      expect(won).toHaveLength(1);
      expect(lostStatuses).toHaveLength(1);
      expect(loser).toContain(lostStatuses[0]);
      expect((await db.annotation.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(before.version + 1);
      expect(await db.auditEvent.count({ where: { entityId: created.id } })).toBe(events + 1);
    }
  }

  it("PATCH against PATCH", async () => {
    await expectOneWinner((desk, a) =>
      ["A", "B"].map(
        (claim) => () =>
          updateAnnotation({ actor: desk.reviewer, annotationId: a.id, input: { version: a.version, claim } }),
      ),
    );
  });

  it("PATCH against delete (a PATCH that lost to the delete finds the annotation gone: 404)", async () => {
    await expectOneWinner(
      (desk, a) => [
        () =>
          updateAnnotation({
            actor: desk.reviewer,
            annotationId: a.id,
            input: { version: a.version, claim: "changed" },
          }),
        () => deleteAnnotation({ actor: desk.reviewer, annotationId: a.id, input: { version: a.version } }),
      ],
      undefined,
      [404, 409],
    );
  });

  it("status against status: one review decision", async () => {
    await expectOneWinner(
      (desk, a) => [
        () =>
          changeAnnotationStatus({
            actor: desk.editor,
            annotationId: a.id,
            input: { version: a.version, status: "APPROVED" },
          }),
        () =>
          changeAnnotationStatus({
            actor: desk.admin,
            annotationId: a.id,
            input: { version: a.version, status: "CHANGES_REQUESTED", comment: "Source?" },
          }),
      ],
      async (desk, id) => {
        await changeAnnotationStatus({
          actor: desk.reviewer,
          annotationId: id,
          input: { version: 1, status: "SUBMITTED" },
        });
      },
    );
  });

  it("status against PATCH", async () => {
    await expectOneWinner((desk, a) => [
      () =>
        changeAnnotationStatus({
          actor: desk.reviewer,
          annotationId: a.id,
          input: { version: a.version, status: "SUBMITTED" },
        }),
      () =>
        updateAnnotation({ actor: desk.reviewer, annotationId: a.id, input: { version: a.version, claim: "changed" } }),
    ]);
  });

  const orphanIt = async (desk: Awaited<ReturnType<typeof deskWithArticle>>) => {
    await reviseArticle({
      actor: desk.editor,
      articleId: desk.article.id,
      input: { format: "text", body: PARAGRAPHS.slice(1).join("\n\n") },
    });
  };

  it("placement: place against dismiss of the same orphan", async () => {
    await expectOneWinner((desk, a) => {
      const place = async () => {
        const current = await db.articleRevision.findFirstOrThrow({
          where: { articleId: desk.article.id },
          orderBy: { number: "desc" },
        });
        const quote = "Crime fell by half";
        const start = current.text.indexOf(quote);
        return setPlacement({
          actor: desk.reviewer,
          annotationId: a.id,
          input: {
            action: "place",
            version: a.version,
            revisionId: current.id,
            start,
            end: start + quote.length,
            quote,
          },
        });
      };
      return [
        place,
        () =>
          setPlacement({ actor: desk.editor, annotationId: a.id, input: { action: "dismiss", version: a.version } }),
      ];
    }, orphanIt);
  });

  it("placement: dismiss against PATCH", async () => {
    await expectOneWinner(
      (desk, a) => [
        () =>
          setPlacement({ actor: desk.reviewer, annotationId: a.id, input: { action: "dismiss", version: a.version } }),
        () =>
          updateAnnotation({
            actor: desk.reviewer,
            annotationId: a.id,
            input: { version: a.version, claim: "changed" },
          }),
      ],
      orphanIt,
    );
  });
});

describe("other writes that allow one at a time", () => {
  it("two revisions at once: both land, numbered 2 and 3, and every annotation follows to the last", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      await desk.annotate("taxes rose 5%");
      const { won } = await race(
        [1, 2].map(
          (n) => () => reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: keepingRevision(n) }),
        ),
      );
      expect(won.map((r) => r.number).sort()).toEqual([2, 3]);
      expect(await db.articleRevision.count({ where: { articleId: desk.article.id } })).toBe(3);
      expect(await stranded(desk.article.id)).toBe(0);
    }
  });

  it("two corrections of one published annotation at once: one correction, the other 409", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const { id } = await desk.annotate("taxes rose 5%");
      await changeAnnotationStatus({
        actor: desk.reviewer,
        annotationId: id,
        input: { version: 1, status: "SUBMITTED" },
      });
      await changeAnnotationStatus({ actor: desk.editor, annotationId: id, input: { version: 2, status: "APPROVED" } });
      await changeAnnotationStatus({
        actor: desk.editor,
        annotationId: id,
        input: { version: 3, status: "PUBLISHED" },
      });
      const { won, lostStatuses } = await race(
        [desk.editor, desk.admin].map(
          (actor) => () => startCorrection({ actor, annotationId: id, input: { note: "Fix" } }),
        ),
      );
      expect(won).toHaveLength(1);
      expect(lostStatuses).toEqual([409]);
      expect(await db.annotation.count({ where: { correctsId: id } })).toBe(1);
    }
  });

  it("two blind second opinions on one article at once: one blind, the other 409", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const desk = await deskWithArticle();
      const second = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
      const input = { firstReviewerId: desk.reviewer.userId, secondReviewerId: second.userId };
      const { won, lostStatuses } = await race(
        [desk.editor, desk.admin].map(
          (actor) => () => requestSecondOpinion({ actor, articleId: desk.article.id, input }),
        ),
      );
      expect(won).toHaveLength(1);
      expect(lostStatuses).toEqual([409]);
      expect(await db.secondOpinion.count({ where: { articleId: desk.article.id } })).toBe(1);
    }
  });
});
