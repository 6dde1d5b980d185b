import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotationHistory,
  listAnnotationSummaries,
  listAnnotationsForArticle,
  updateAnnotation,
} from "@/lib/annotations/annotations";
import { createNote, deleteNote, listNotes, updateNote } from "@/lib/annotations/notes";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

type Input = { revisionId: string; start: number; end: number; quote: string; claim: string; verdict: string };

const PARAGRAPHS = ["Wave 👋 then the claim: taxes rose 5%.", "Second paragraph says more."];

async function setup() {
  const desk = await createWorkspace();
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: PARAGRAPHS });
  const reviewer2 = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
  const text = article.revisions[0].text;
  const span = (quote: string) => {
    const start = text.indexOf(quote);
    return { revisionId: article.revisions[0].id, start, end: start + quote.length, quote };
  };
  const input = (quote = "taxes rose 5%", extra: object = {}) => ({
    ...span(quote),
    claim: `Claim: ${quote}`,
    verdict: "misleading",
    ...extra,
  });
  return { ...desk, article, reviewer2, span, input };
}

/** Rows a rejected call must not have touched. */
async function snapshot(workspaceId: string) {
  const annotations = await db.annotation.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
  const ids = annotations.map((a) => a.id);
  return {
    annotations,
    sources: await db.source.findMany({ where: { annotationId: { in: ids } }, orderBy: { id: "asc" } }),
    notes: await db.note.findMany({ where: { annotationId: { in: ids } }, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count({ where: { workspaceId } }),
  };
}

describe("createAnnotation", () => {
  it("stores the span with server-derived context, sources and a first note, and audits it", async () => {
    const { article, reviewer, input, workspace } = await setup();
    const created = await createAnnotation({
      actor: reviewer,
      articleId: article.id,
      input: input("taxes rose 5%", {
        claimant: "The minister",
        rationale: "Figures say 3%.",
        sources: [
          {
            url: "https://stats.example/taxes",
            title: "Tax tables",
            publisher: "Stats Office",
            excerpt: "rose 3%",
            archiveUrl: "",
            accessedAt: "2026-11-01",
          },
          { url: "http://second.example" },
        ],
        note: "Checked against two tables.",
      }),
    });
    expect(created).toMatchObject({
      quote: "taxes rose 5%",
      prefix: "Wave 👋 then the claim: ",
      suffix: ".\n\nSecond paragraph says more.",
      claimant: "The minister",
      verdict: { key: "misleading", label: "Misleading" },
      status: "DRAFT",
      version: 1,
      author: { id: reviewer.userId },
    });
    expect(created.sources.map((s) => [s.url, s.archiveUrl, s.accessedAt])).toEqual([
      ["https://stats.example/taxes", null, "2026-11-01"],
      ["http://second.example", null, null],
    ]);
    expect(created.notes.map((n) => n.body)).toEqual(["Checked against two tables."]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, entityId: created.id } });
    expect(audit).toMatchObject({
      action: "create",
      actorId: reviewer.userId,
      after: { claim: "Claim: taxes rose 5%", verdict: "misleading" },
    });
  });

  it("anchors a span that follows an emoji by UTF-16 offsets", async () => {
    const { article, reviewer, input } = await setup();
    const created = await createAnnotation({ actor: reviewer, articleId: article.id, input: input("then") });
    expect(created.start).toBe(8);
    expect(created.prefix).toBe("Wave 👋 ");
  });

  it("stores HTML as plain text, exactly", async () => {
    const { article, reviewer, input } = await setup();
    const html = `<img src=x onerror=alert(1)> <script>alert("x")</script>`;
    const created = await createAnnotation({
      actor: reviewer,
      articleId: article.id,
      input: input("taxes rose 5%", { claim: html, note: html }),
    });
    expect(created.claim).toBe(html);
    expect(created.notes[0].body).toBe(html);
  });

  it.each([
    [
      "a quote that does not match",
      (i: Input) => ({ ...i, quote: "taxes fell 5%" }),
      /^quote: does not match the text at \d+–\d+, which reads "taxes rose 5%"$/,
    ],
    [
      "reversed offsets",
      (i: Input) => ({ ...i, start: i.end, end: i.start }),
      /^start\/end: end must be greater than start$/,
    ],
    [
      "offsets past the end",
      (i: Input) => ({ ...i, end: 10_000 }),
      /^start\/end: start and end must lie within the text/,
    ],
    ["an offset inside an emoji", (i: Input) => ({ ...i, start: 6, end: 8, quote: "x " }), /split a character/],
    [
      "half an emoji as the quote",
      (i: Input) => ({ ...i, start: 6, end: 8, quote: "\ud83d\udc4b".slice(1) + " " }),
      /^quote: quote contains a broken character/,
    ],
    [
      "an unknown verdict",
      (i: Input) => ({ ...i, verdict: "pants-on-fire" }),
      /^verdict: "pants-on-fire" is not an option/,
    ],
    [
      "a javascript: source",
      (i: Input) => ({ ...i, sources: [{ url: "javascript:alert(1)" }] }),
      /^sources\.0\.url: Enter a full http:\/\/ or https:\/\/ link$/,
    ],
    [
      "a data: archive link",
      (i: Input) => ({ ...i, sources: [{ url: "https://ok.example", archiveUrl: "data:text/html,hi" }] }),
      /^sources\.0\.archiveUrl: /,
    ],
    [
      "a bad accessed date",
      (i: Input) => ({ ...i, sources: [{ url: "https://ok.example", accessedAt: "yesterday" }] }),
      /^sources\.0\.accessedAt: Accessed date must be YYYY-MM-DD$/,
    ],
    [
      "a claim over the limit",
      (i: Input) => ({ ...i, claim: "x".repeat(2001) }),
      /^claim: Claim is too long \(2000 characters at most\)$/,
    ],
    ["an empty claim", (i: Input) => ({ ...i, claim: "   " }), /^claim: Claim is required$/],
    [
      "wrongly typed fields",
      (i: Input) => ({ ...i, start: "0", sources: "none" }),
      /^start: start must be a number; sources: Sources must be a list$/,
    ],
    [
      "a revision of another article",
      (i: Input) => ({ ...i, revisionId: "c000000000000000000000000" }),
      /^revisionId: not a revision of this article$/,
    ],
    [
      "too many sources",
      (i: Input) => ({ ...i, sources: Array.from({ length: 21 }, () => ({ url: "https://a.example" })) }),
      /^sources: At most 20 sources$/,
    ],
  ])("rejects %s with a clear 400 and changes nothing", async (_label, mutate, message) => {
    const { article, reviewer, input, workspace } = await setup();
    const before = await snapshot(workspace.id);
    const bad = mutate(input() as Input);
    await expect(createAnnotation({ actor: reviewer, articleId: article.id, input: bad })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(message),
    });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("answers 401 without a session and 404 for another workspace's article, changing nothing", async () => {
    const { article, input, workspace } = await setup();
    const other = await createWorkspace();
    const before = await snapshot(workspace.id);
    await expect(createAnnotation({ actor: null, articleId: article.id, input: input() })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(createAnnotation({ actor: other.admin, articleId: article.id, input: input() })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("refuses (409) a span on a revision that is no longer current", async () => {
    const { article, reviewer, input } = await setup();
    await db.articleRevision.create({
      data: { articleId: article.id, number: 2, body: [], text: "new", textHash: "x" },
    });
    await expect(createAnnotation({ actor: reviewer, articleId: article.id, input: input() })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("listing and reading", () => {
  it("lists live annotations in text order, for members of the workspace only", async () => {
    const { article, reviewer, editor, input } = await setup();
    const late = await createAnnotation({ actor: reviewer, articleId: article.id, input: input("Second") });
    const early = await createAnnotation({ actor: editor, articleId: article.id, input: input("Wave") });
    const nested = await createAnnotation({ actor: editor, articleId: article.id, input: input("Second paragraph") });
    expect((await listAnnotationsForArticle({ actor: reviewer, articleId: article.id })).map((a) => a.id)).toEqual([
      early.id,
      nested.id,
      late.id,
    ]);
    const other = await createWorkspace();
    await expect(listAnnotationsForArticle({ actor: other.reviewer, articleId: article.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAnnotation({ actor: other.reviewer, annotationId: early.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAnnotation({ actor: null, annotationId: early.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await getAnnotation({ actor: reviewer, annotationId: early.id })).claim).toBe("Claim: Wave");
  });
});

describe("listAnnotationSummaries", () => {
  it("gives what highlights and the list need, counting live notes, for members only", async () => {
    const { article, reviewer, input } = await setup();
    const created = await createAnnotation({
      actor: reviewer,
      articleId: article.id,
      input: input("taxes rose 5%", { note: "one" }),
    });
    const second = await createNote({ actor: reviewer, annotationId: created.id, input: { body: "two" } });
    await deleteNote({ actor: reviewer, annotationId: created.id, noteId: second.id });
    expect(await listAnnotationSummaries({ actor: reviewer, articleId: article.id })).toEqual([
      {
        id: created.id,
        start: created.start,
        end: created.end,
        claim: created.claim,
        status: "DRAFT",
        placement: "ANCHORED",
        version: 1,
        verdict: created.verdict,
        author: created.author,
        noteCount: 1,
        correctedFrom: null,
      },
    ]);
    const other = await createWorkspace();
    await expect(listAnnotationSummaries({ actor: other.reviewer, articleId: article.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listAnnotationSummaries({ actor: null, articleId: article.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("updateAnnotation", () => {
  it("lets the author change fields and replace sources, bumping the version and auditing before/after", async () => {
    const { article, reviewer, input } = await setup();
    const created = await createAnnotation({
      actor: reviewer,
      articleId: article.id,
      input: input("taxes rose 5%", { sources: [{ url: "https://a.example" }] }),
    });
    const updated = await updateAnnotation({
      actor: reviewer,
      annotationId: created.id,
      input: {
        version: 1,
        verdict: "false",
        rationale: "It fell.",
        sources: [{ url: "https://b.example", title: "B" }],
      },
    });
    expect(updated).toMatchObject({
      version: 2,
      verdict: { key: "false" },
      rationale: "It fell.",
      claim: created.claim,
    });
    expect(updated.sources.map((s) => s.url)).toEqual(["https://b.example"]);
    const history = await listAnnotationHistory({ actor: reviewer, annotationId: created.id });
    expect(history.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history[1]).toMatchObject({
      before: { verdict: "misleading", version: 1 },
      after: { verdict: "false", version: 2 },
    });
  });

  it("gives a stale version 409 with the current copy, and changes nothing", async () => {
    const { article, reviewer, editor, input, workspace } = await setup();
    const created = await createAnnotation({ actor: reviewer, articleId: article.id, input: input() });
    await updateAnnotation({
      actor: editor,
      annotationId: created.id,
      input: { version: 1, claim: "Editor's wording" },
    });
    const before = await snapshot(workspace.id);
    const conflict = await updateAnnotation({
      actor: reviewer,
      annotationId: created.id,
      input: { version: 1, claim: "Mine" },
    }).catch((e) => e);
    expect(conflict).toMatchObject({ code: "CONFLICT" });
    expect(conflict.details.current).toMatchObject({ version: 2, claim: "Editor's wording" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("is refused (403) for another reviewer, allowed for editors and admins", async () => {
    const { article, reviewer, reviewer2, editor, admin, input, workspace } = await setup();
    const created = await createAnnotation({ actor: reviewer, articleId: article.id, input: input() });
    const before = await snapshot(workspace.id);
    await expect(
      updateAnnotation({ actor: reviewer2, annotationId: created.id, input: { version: 1, claim: "x" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteAnnotation({ actor: reviewer2, annotationId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await snapshot(workspace.id)).toEqual(before);
    expect(
      (await updateAnnotation({ actor: editor, annotationId: created.id, input: { version: 1, claim: "by editor" } }))
        .version,
    ).toBe(2);
    expect(
      (await updateAnnotation({ actor: admin, annotationId: created.id, input: { version: 2, claim: "by admin" } }))
        .version,
    ).toBe(3);
  });

  it("rejects bad input, unknown fields, other workspaces and no session, changing nothing", async () => {
    const { article, reviewer, input, workspace } = await setup();
    const other = await createWorkspace();
    const created = await createAnnotation({ actor: reviewer, articleId: article.id, input: input() });
    const before = await snapshot(workspace.id);
    const attempts: [unknown, object, string][] = [
      [reviewer, { claim: "no version" }, "BAD_REQUEST"],
      [reviewer, { version: 1, verdict: "nope" }, "BAD_REQUEST"],
      [reviewer, { version: 1, sources: [{ url: "ftp://files.example" }] }, "BAD_REQUEST"],
      [reviewer, { version: 1, status: "PUBLISHED" }, "BAD_REQUEST"],
      [other.admin, { version: 1, claim: "x" }, "NOT_FOUND"],
      [null, { version: 1, claim: "x" }, "UNAUTHENTICATED"],
    ];
    for (const [actor, body, code] of attempts) {
      await expect(
        updateAnnotation({ actor: actor as never, annotationId: created.id, input: body }),
      ).rejects.toMatchObject({ code });
    }
    expect(await snapshot(workspace.id)).toEqual(before);
  });
});

describe("deleteAnnotation", () => {
  it("soft-deletes: the row stays for the audit trail but leaves every view", async () => {
    const { article, reviewer, input } = await setup();
    const created = await createAnnotation({ actor: reviewer, articleId: article.id, input: input() });
    await expect(
      deleteAnnotation({ actor: reviewer, annotationId: created.id, input: { version: 2 } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await deleteAnnotation({ actor: reviewer, annotationId: created.id, input: { version: 1 } })).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(await db.annotation.findUnique({ where: { id: created.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
    expect(await listAnnotationsForArticle({ actor: reviewer, articleId: article.id })).toEqual([]);
    await expect(getAnnotation({ actor: reviewer, annotationId: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "delete" } })).toBe(1);
  });
});

describe("notes", () => {
  it("threads replies; authors edit and delete their own; deleted parents keep their replies", async () => {
    const { article, reviewer, reviewer2, editor, input } = await setup();
    const annotation = await createAnnotation({ actor: reviewer, articleId: article.id, input: input() });
    const question = await createNote({ actor: reviewer, annotationId: annotation.id, input: { body: "Source?" } });
    const answer = await createNote({
      actor: reviewer2,
      annotationId: annotation.id,
      input: { body: "Table 3.", parentId: question.id },
    });
    expect(answer.parentId).toBe(question.id);

    await expect(
      updateNote({ actor: editor, annotationId: annotation.id, noteId: question.id, input: { body: "x", version: 1 } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      deleteNote({ actor: reviewer2, annotationId: annotation.id, noteId: question.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (
        await updateNote({
          actor: reviewer,
          annotationId: annotation.id,
          noteId: question.id,
          input: { body: "Which source?", version: 1 },
        })
      ).body,
    ).toBe("Which source?");
    await deleteNote({ actor: reviewer, annotationId: annotation.id, noteId: question.id });

    const thread = await listNotes({ actor: editor, annotationId: annotation.id });
    expect(thread.map((n) => [n.body, n.deleted, n.parentId])).toEqual([
      [null, true, null],
      ["Table 3.", false, question.id],
    ]);
    const history = await listAnnotationHistory({ actor: editor, annotationId: annotation.id });
    expect(history.map((h) => h.action)).toEqual([
      "create",
      "note.create",
      "note.create",
      "note.update",
      "note.delete",
    ]);
  });

  it("rejects empty, oversized and misplaced notes, and other workspaces, changing nothing", async () => {
    const first = await setup();
    const a = await createAnnotation({ actor: first.reviewer, articleId: first.article.id, input: first.input() });
    const b = await createAnnotation({
      actor: first.reviewer,
      articleId: first.article.id,
      input: first.input("Second"),
    });
    const noteOnB = await createNote({ actor: first.reviewer, annotationId: b.id, input: { body: "on b" } });
    const other = await createWorkspace();
    const before = await snapshot(first.workspace.id);
    await expect(
      createNote({ actor: first.reviewer, annotationId: a.id, input: { body: "  " } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "body: Note is required" });
    await expect(
      createNote({ actor: first.reviewer, annotationId: a.id, input: { body: "x".repeat(10_001) } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      createNote({ actor: first.reviewer, annotationId: a.id, input: { body: "hi", parentId: noteOnB.id } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "parentId: not a note of this annotation" });
    await expect(createNote({ actor: other.admin, annotationId: a.id, input: { body: "hi" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(createNote({ actor: null, annotationId: a.id, input: { body: "hi" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      updateNote({
        actor: first.reviewer,
        annotationId: a.id,
        noteId: noteOnB.id,
        input: { body: "moved", version: 1 },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(first.workspace.id)).toEqual(before);
  });
});
