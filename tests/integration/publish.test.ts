import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createNote } from "@/lib/annotations/notes";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import { exportAnnotations } from "@/lib/export/export";
import {
  findPublicArticle,
  findPublicCheck,
  listPublicChecks,
  listPublicPages,
  type PublicCheckLookup,
} from "@/lib/publish/checks";
import { retractPublishedCheck } from "@/lib/publish/retract";
import { getWorkspaceSettings, updateWorkspaceSettings } from "@/lib/workspaces/settings";
import type { Actor } from "@/lib/auth/actor";
import { expectValidClaimReview, readAll } from "../support/exports";
import { actorFor, annotate, createArticle, createUser, createWorkspace } from "../support/factories";
import { countWorkspaceRows } from "../support/row-counts";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

type Desk = Awaited<ReturnType<typeof createWorkspace>>;
const move = (actor: Actor, id: string, status: string, version: number) =>
  changeAnnotationStatus({ actor, annotationId: id, input: { status, version } });

/** A desk with public pages on (unless told) and an article holding one annotation taken to `until`. */
async function deskWith(
  until: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED",
  options: { publicPages?: boolean; claim?: string } = {},
) {
  const desk = await createWorkspace("Public desk");
  if (options.publicPages !== false) await updateWorkspaceSettings({ actor: desk.admin, input: { publicPages: true } });
  const article = await createArticle({
    workspaceId: desk.workspace.id,
    title: "Budget story",
    paragraphs: ["Intro paragraph.", "The mayor said taxes rose 5% last year, which is wrong.", "Outro."],
  });
  const annotation = await annotate(desk.reviewer, article, "taxes rose 5%", {
    claim: options.claim ?? "Taxes rose 5% last year",
    claimant: "The mayor",
    verdict: "misleading",
    rationale: "They rose 3%.",
    sources: [
      {
        url: "https://stats.example/taxes",
        title: "Tax table",
        archiveUrl: "https://archive.example/taxes",
        accessedAt: "2026-11-01",
      },
    ],
    note: "PRIVATE-NOTE-TEXT",
  });
  const steps = ["SUBMITTED", "APPROVED", "PUBLISHED"].slice(
    0,
    ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED"].indexOf(until),
  );
  let version = 1;
  for (const status of steps)
    await move(status === "SUBMITTED" ? desk.reviewer : desk.editor, annotation.id, status, version++);
  return { ...desk, article, annotation };
}

const check = (lookup: PublicCheckLookup) => {
  if (lookup.kind !== "check") throw new Error(`expected a check, got ${lookup.kind}`);
  return lookup.check;
};

describe("public checks", () => {
  it("shows a published check with its verdict on the scale, sources, passage and dates, and a ClaimReview equal to the export's", async () => {
    const desk = await deskWith("PUBLISHED");
    const found = check(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS }));
    expect(found).toMatchObject({
      claim: "Taxes rose 5% last year",
      claimant: "The mayor",
      rationale: "They rose 3%.",
      verdict: {
        label: "Misleading",
        scale: ["True", "Mostly true", "Mixed", "Misleading", "Mostly false", "False"],
        index: 3,
      },
      sources: [
        {
          url: "https://stats.example/taxes",
          title: "Tax table",
          archiveUrl: "https://archive.example/taxes",
          accessedAt: "2026-11-01T00:00:00.000Z",
        },
      ],
      passage: { before: "The mayor said ", quote: "taxes rose 5%", after: " last year, which is wrong." },
      article: { id: desk.article.id, title: "Budget story" },
      desk: "Public desk",
      credit: null,
      correctionNote: null,
    });
    expect(found.publishedAt).toBe(found.updatedAt);

    const exported = (await readAll(
      await exportAnnotations({ actor: desk.editor, query: { format: "claimreview" }, urls: URLS }),
    )) as { "@graph": Record<string, unknown>[] };
    expect(found.claimReview).toEqual(exported["@graph"][0]);
    expect(found.claimReview.url).toBe(`https://factmark.example/checks/${desk.annotation.id}`);
    expectValidClaimReview(found.claimReview);
  });

  it("shows nothing private: no notes, review comments, emails or names unless the desk credits reviewers", async () => {
    const desk = await deskWith("APPROVED");
    await createNote({ actor: desk.editor, annotationId: desk.annotation.id, input: { body: "PRIVATE-REPLY" } });
    await changeAnnotationStatus({
      actor: desk.editor,
      annotationId: desk.annotation.id,
      input: { status: "PUBLISHED", version: 3 },
    });
    const reviewer = await db.user.findUniqueOrThrow({ where: { id: desk.reviewer.userId } });
    const lookups = [
      await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS }),
      await findPublicArticle({ articleId: desk.article.id }),
      await listPublicChecks({ limit: 50 }),
    ];
    const text = JSON.stringify(lookups);
    for (const secret of [
      "PRIVATE-NOTE-TEXT",
      "PRIVATE-REPLY",
      reviewer.email,
      reviewer.name,
      "@test.example",
      "SUBMITTED",
      "APPROVED",
    ])
      expect(text).not.toContain(secret);

    await updateWorkspaceSettings({ actor: desk.admin, input: { creditReviewers: true } });
    expect(check(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS })).credit).toEqual({
      by: reviewer.name,
      correctedBy: null,
    });
    expect(JSON.stringify(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS }))).not.toContain(
      reviewer.email,
    );
  });

  it("is missing for drafts, submitted and approved work, malformed and unknown ids, and desks without public pages", async () => {
    for (const status of ["DRAFT", "SUBMITTED", "APPROVED"] as const) {
      const desk = await deskWith(status);
      expect(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS })).toEqual({ kind: "missing" });
      expect(await findPublicArticle({ articleId: desk.article.id })).toBeNull();
    }
    const closed = await deskWith("PUBLISHED", { publicPages: false, claim: "CLOSED-DESK-CLAIM" });
    expect(await findPublicCheck({ annotationId: closed.annotation.id, urls: URLS })).toEqual({ kind: "missing" });
    expect(await findPublicArticle({ articleId: closed.article.id })).toBeNull();
    expect(JSON.stringify(await listPublicChecks({ limit: 50 }))).not.toContain("CLOSED-DESK-CLAIM");
    expect((await listPublicPages({ limit: 50_000 })).map((p) => p.id)).not.toContain(closed.annotation.id);
    for (const id of ["nope", "ckunknown0000000000000000", "<script>", 42, null])
      expect(await findPublicCheck({ annotationId: id, urls: URLS })).toEqual({ kind: "missing" });

    // Turning public pages off hides what was public.
    const open = await deskWith("PUBLISHED");
    await updateWorkspaceSettings({ actor: open.admin, input: { publicPages: false } });
    expect(await findPublicCheck({ annotationId: open.annotation.id, urls: URLS })).toEqual({ kind: "missing" });
  });

  it("redirects a corrected check to its correction, which carries the note, the first publication date and both names", async () => {
    const desk = await deskWith("PUBLISHED");
    await updateWorkspaceSettings({ actor: desk.admin, input: { creditReviewers: true } });
    const correction = await startCorrection({
      actor: desk.editor,
      annotationId: desk.annotation.id,
      input: { note: "The rise was 3%, not 5%." },
    });
    // While the correction is under way the published version stays.
    expect((await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS })).kind).toBe("check");
    expect(await findPublicCheck({ annotationId: correction.id, urls: URLS })).toEqual({ kind: "missing" });
    const original = check(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS }));
    await move(desk.editor, correction.id, "SUBMITTED", 1);
    await move(desk.editor, correction.id, "APPROVED", 2);
    await move(desk.editor, correction.id, "PUBLISHED", 3);

    expect(await findPublicCheck({ annotationId: desk.annotation.id, urls: URLS })).toEqual({
      kind: "moved",
      to: correction.id,
    });
    const corrected = check(await findPublicCheck({ annotationId: correction.id, urls: URLS }));
    const [reviewer, editor] = await Promise.all(
      [desk.reviewer, desk.editor].map((a) => db.user.findUniqueOrThrow({ where: { id: a.userId } })),
    );
    expect(corrected).toMatchObject({
      correctionNote: "The rise was 3%, not 5%.",
      publishedAt: original.publishedAt,
      credit: { by: reviewer.name, correctedBy: editor.name },
    });
    expect(corrected.updatedAt > corrected.publishedAt).toBe(true);
    expect(corrected.claimReview).toMatchObject({
      correction: { "@type": "CorrectionComment", text: "The rise was 3%, not 5%." },
    });
    expectValidClaimReview(corrected.claimReview);
    // The article lists the correction only.
    expect((await findPublicArticle({ articleId: desk.article.id }))!.checks.map((c) => c.id)).toEqual([correction.id]);
  });

  it("lists the article's public checks in text order, and the feed newest first", async () => {
    const desk = await deskWith("PUBLISHED");
    const text = desk.article.revisions[0].text;
    const draft = await annotate(desk.reviewer, desk.article, "Intro", { claim: "DRAFT-ONLY", verdict: "true" });
    const article = (await findPublicArticle({ articleId: desk.article.id }))!;
    expect(article).toMatchObject({
      title: "Budget story",
      desk: "Public desk",
      checks: [{ id: desk.annotation.id, onCurrentText: true, start: text.indexOf("taxes") }],
    });
    expect(JSON.stringify(article)).not.toContain("DRAFT-ONLY");
    expect(draft.status).toBe("DRAFT");

    const later = await deskWith("PUBLISHED", { claim: "Newer claim" });
    const feed = await listPublicChecks({ limit: 50 });
    const ids = feed.map((c) => c.id);
    expect(ids.indexOf(later.annotation.id)).toBeLessThan(ids.indexOf(desk.annotation.id));
    const pages = await listPublicPages({ limit: 50_000 });
    expect(pages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "check", id: desk.annotation.id }),
        expect.objectContaining({ kind: "article", id: desk.article.id }),
      ]),
    );
  });
});

describe("withdrawing a published check", () => {
  it("answers gone with the desk's note; only a current published check, by an editor, with the current version", async () => {
    const desk = await deskWith("PUBLISHED");
    const other = await createWorkspace();
    const id = desk.annotation.id;
    const attempt = (actor: Actor | null, input: unknown) => retractPublishedCheck({ actor, annotationId: id, input });
    const rowCounts = () => countWorkspaceRows(db, desk.workspace.id);
    const before = await rowCounts();
    await expect(attempt(null, { note: "x", version: 4 })).rejects.toMatchObject({ status: 401 });
    await expect(attempt(desk.reviewer, { note: "x", version: 4 })).rejects.toMatchObject({ status: 403 });
    await expect(attempt(other.editor, { note: "x", version: 4 })).rejects.toMatchObject({ status: 404 });
    await expect(attempt(desk.editor, { note: "", version: 4 })).rejects.toMatchObject({ status: 400 });
    await expect(attempt(desk.editor, { note: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(attempt(desk.editor, { note: "x", version: 4, extra: 1 })).rejects.toMatchObject({ status: 400 });
    await expect(attempt(desk.editor, { note: "x", version: 3 })).rejects.toMatchObject({ status: 409 });
    expect(await rowCounts()).toEqual(before);
    expect((await findPublicCheck({ annotationId: id, urls: URLS })).kind).toBe("check");

    const draft = await deskWith("APPROVED");
    await expect(
      retractPublishedCheck({
        actor: draft.editor,
        annotationId: draft.annotation.id,
        input: { note: "x", version: 3 },
      }),
    ).rejects.toMatchObject({ status: 409, message: /Only a published check/ });

    expect(
      await attempt(desk.editor, { note: "The figures we relied on were withdrawn by their publisher.", version: 4 }),
    ).toEqual({ id, retracted: true });
    const gone = await findPublicCheck({ annotationId: id, urls: URLS });
    expect(gone).toMatchObject({
      kind: "gone",
      desk: "Public desk",
      note: "The figures we relied on were withdrawn by their publisher.",
    });
    expect(await findPublicArticle({ articleId: desk.article.id })).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: id, action: "retract" } })).toBe(1);
  });

  it("is refused while a correction is under way", async () => {
    const desk = await deskWith("PUBLISHED");
    await startCorrection({ actor: desk.editor, annotationId: desk.annotation.id, input: { note: "n" } });
    await expect(
      retractPublishedCheck({ actor: desk.editor, annotationId: desk.annotation.id, input: { note: "x", version: 4 } }),
    ).rejects.toMatchObject({ status: 409, message: /correction/ });
  });
});

describe("public settings", () => {
  it("are for admins, validated, audited, and off by default", async () => {
    const desk: Desk = await createWorkspace();
    expect(await getWorkspaceSettings({ actor: desk.reviewer })).toEqual({
      reviewersMayAddArticles: false,
      publicPages: false,
      creditReviewers: false,
    });
    const rowCounts = async () => [
      await countWorkspaceRows(db, desk.workspace.id),
      await getWorkspaceSettings({ actor: desk.reviewer }),
    ];
    const before = await rowCounts();
    await expect(updateWorkspaceSettings({ actor: desk.editor, input: { publicPages: true } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(updateWorkspaceSettings({ actor: null, input: { publicPages: true } })).rejects.toMatchObject({
      status: 401,
    });
    await expect(updateWorkspaceSettings({ actor: desk.admin, input: { publicPages: "yes" } })).rejects.toMatchObject({
      status: 400,
      message: /publicPages must be true or false/,
    });
    await expect(
      updateWorkspaceSettings({ actor: desk.admin, input: { publicPages: true, unknown: true } }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await rowCounts()).toEqual(before);
    const admin2 = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "ADMIN" })).id);
    expect(
      await updateWorkspaceSettings({ actor: admin2, input: { publicPages: true, creditReviewers: true } }),
    ).toEqual({ reviewersMayAddArticles: false, publicPages: true, creditReviewers: true });
    expect(await db.auditEvent.count({ where: { workspaceId: desk.workspace.id, action: "settings.update" } })).toBe(1);
  });
});
