import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createNote } from "@/lib/annotations/notes";
import { exportAnnotations } from "@/lib/export/export";
import type { NativeDocument } from "@/lib/export/native-format";
import { importAnnotations } from "@/lib/import/import";
import { annotate, createArticle, createWorkspace } from "../support/factories";
import { expectValidNative, readAll } from "../support/exports";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };
const PARAGRAPHS = [
  "Wave 👋 then taxes rose 5% says the mayor. Later, taxes rose 5% again, says the council.",
  "Crime fell by half <b>in</b> the city.",
];

/** A desk with an annotated article, and its native export of that article. */
async function sourceDesk() {
  const desk = await createWorkspace("Source desk");
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: PARAGRAPHS });
  // The second "taxes rose 5%", the council's.
  const second = await annotate(
    desk.reviewer,
    article,
    "taxes rose 5%",
    {
      claim: "Taxes rose 5% (council)",
      claimant: "The council",
      verdict: "mostly-false",
      rationale: "<script>x</script> 3%",
      sources: [{ url: "https://stats.example/t", title: "Stats", accessedAt: "2026-11-01" }],
      note: "First",
    },
    20,
  );
  await createNote({
    actor: desk.editor,
    annotationId: second.id,
    input: { body: "Reply", parentId: second.notes[0].id },
  });
  await annotate(desk.editor, article, "Crime fell by half", { claim: "Crime halved", verdict: "false" });
  const exported = (await readAll(
    await exportAnnotations({ actor: desk.editor, query: { format: "native", article: article.id }, urls: URLS }),
  )) as NativeDocument;
  return { desk, article, exported };
}

/** A fresh desk with the same article text, to import into. */
async function targetDesk(paragraphs = PARAGRAPHS) {
  const desk = await createWorkspace("Target desk");
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs });
  return { ...desk, article };
}

/** What must survive a round trip: everything but ids, times, and this desk's own workflow. */
function content(document: NativeDocument) {
  return document.annotations.map(({ anchor, claim, claimant, verdict, rationale, sources, notes, author }) => ({
    anchor,
    claim,
    claimant,
    verdict,
    rationale,
    sources,
    author,
    notes: notes.map((n) => ({ body: n.body, author: n.author, isReply: n.parentId !== null })),
  }));
}

const counts = async (articleId: string) => ({
  annotations: await db.annotation.count({ where: { articleId } }),
  notes: await db.note.count({ where: { annotation: { articleId } } }),
  sources: await db.source.count({ where: { annotation: { articleId } } }),
});

describe("native import", () => {
  it("round-trips: export, import into a fresh desk, export again gives the same content", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk();
    const report = await importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported });
    expect(report.imported.map((i) => i.method)).toEqual(["position", "position"]);
    expect(report.skipped).toEqual([]);
    const again = (await readAll(
      await exportAnnotations({ actor: target.editor, query: { format: "native" }, urls: URLS }),
    )) as NativeDocument;
    expectValidNative(again);
    expect(content(again)).toEqual(content(exported));
    expect(again.annotations.every((a) => a.status === "DRAFT" && a.reviews.length === 0)).toBe(true);
    // Provenance: the importer is on record in the audit trail, one event per annotation.
    expect(
      await db.auditEvent.count({
        where: { workspaceId: target.workspace.id, action: "import", actorId: target.editor.userId },
      }),
    ).toBe(2);
  });

  it("is idempotent: importing the same file again creates nothing and reports each as skipped", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk();
    const first = await importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported });
    const before = await counts(target.article.id);
    const second = await importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported });
    expect(second.imported).toEqual([]);
    expect(second.skipped.map((s) => s.id).sort()).toEqual(first.imported.map((i) => i.id).sort());
    expect(await counts(target.article.id)).toEqual(before);
  });

  it("recognises its own annotations: an article's own export, native or W3C, imported back creates nothing (#16)", async () => {
    const { desk, article, exported } = await sourceDesk();
    const ids = exported.annotations.map((a) => a.id).sort();
    const before = await counts(article.id);
    const native = await importAnnotations({ actor: desk.editor, articleId: article.id, document: exported });
    expect(native.imported).toEqual([]);
    expect(native.skipped.map((s) => s.id).sort()).toEqual(ids);
    const w3c = await readAll(
      await exportAnnotations({ actor: desk.editor, query: { format: "w3c", article: article.id }, urls: URLS }),
    );
    const again = await importAnnotations({ actor: desk.editor, articleId: article.id, document: w3c });
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.id).sort()).toEqual(ids);
    expect(await counts(article.id)).toEqual(before);
  });

  it("says plainly when nothing in the file can be found in the text (#16)", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk(["Entirely different words."]);
    await expect(
      importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported }),
    ).rejects.toMatchObject({
      status: 409,
      message: "None of the 2 annotations could be found in the article's text; nothing was imported",
    });
  });

  it("finds moved quotes by text, using prefix and suffix to pick the right repeat", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk(["A new opening sentence.", ...PARAGRAPHS]);
    const report = await importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported });
    expect(report.imported.map((i) => i.method)).toEqual(["quote", "quote"]);
    const council = await db.annotation.findFirstOrThrow({
      where: { articleId: target.article.id, claim: "Taxes rose 5% (council)" },
    });
    const text = target.article.revisions[0].text;
    expect(council.start).toBe(text.indexOf("taxes rose 5%", text.indexOf("Later")));
  });

  it("rejects the whole file when one item among many is bad, listing each problem with its index, and writes nothing", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk();
    const many = {
      ...exported,
      annotations: Array.from({ length: 30 }, (_, i) => ({ ...exported.annotations[i % 2], id: `item-${i}` })),
    };
    many.annotations[16] = {
      ...many.annotations[16],
      verdict: { ...many.annotations[16].verdict, key: "pants-on-fire" },
      sources: [{ ...many.annotations[16].sources[0], url: "javascript:alert(1)" }],
    };
    many.annotations[23] = { ...many.annotations[23], anchor: { ...many.annotations[23].anchor, start: -4 } };
    const attempt = importAnnotations({ actor: target.editor, articleId: target.article.id, document: many });
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      message: "The file has 3 problems; nothing was imported",
    });
    const { details } = (await attempt.catch((e) => e)) as {
      details: { problems: { index: number; reason: string }[] };
    };
    expect(details.problems).toEqual([
      { index: 16, reason: expect.stringMatching(/^sources\.0\.url: /) },
      { index: 16, reason: 'verdict "pants-on-fire" is not an option of this workspace\'s scale' },
      { index: 23, reason: expect.stringMatching(/^anchor\.start: /) },
    ]);
    expect(await counts(target.article.id)).toEqual({ annotations: 0, notes: 0, sources: 0 });
  });

  it("reports quotes that are not in the text, and imports the rest only when asked", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk([
      "Wave 👋 then taxes rose 5% says the mayor. Later, taxes rose 5% again, says the council.",
      "Something else entirely.",
    ]);
    const attempt = importAnnotations({ actor: target.editor, articleId: target.article.id, document: exported });
    await expect(attempt).rejects.toMatchObject({
      status: 409,
      details: {
        importable: 1,
        problems: [{ index: 1, reason: expect.stringMatching(/Crime fell by half.* is not in the article's text/) }],
      },
    });
    expect(await counts(target.article.id)).toEqual({ annotations: 0, notes: 0, sources: 0 });
    const report = await importAnnotations({
      actor: target.editor,
      articleId: target.article.id,
      document: exported,
      options: { skipUnanchored: true },
    });
    expect(report.imported).toHaveLength(1);
    expect(report.unanchored).toEqual([{ index: 1, reason: expect.any(String) }]);
  });

  it("refuses an unknown format or version, a file of several articles, and non-objects", async () => {
    const { exported } = await sourceDesk();
    const target = await targetDesk();
    const attempt = (document: unknown) =>
      importAnnotations({ actor: target.editor, articleId: target.article.id, document });
    await expect(attempt({ ...exported, format: "factmark.v9" })).rejects.toMatchObject({
      status: 400,
      message: 'Unknown format "factmark.v9": this version reads factmark.v1 and W3C Web Annotations',
    });
    await expect(
      attempt({
        ...exported,
        annotations: [exported.annotations[0], { ...exported.annotations[1], articleId: "elsewhere" }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      details: { problems: [{ index: null, reason: expect.stringMatching(/annotations of 2 articles/) }] },
    });
    await expect(attempt({ ...exported, annotations: "lots" })).rejects.toMatchObject({
      status: 400,
      details: { problems: [{ index: null, reason: expect.stringMatching(/^annotations: /) }] },
    });
    await expect(attempt(42)).rejects.toMatchObject({ status: 400 });
    expect(await counts(target.article.id)).toEqual({ annotations: 0, notes: 0, sources: 0 });
  });

  it("is for editors and admins of the article's workspace", async () => {
    const { exported, desk } = await sourceDesk();
    const target = await targetDesk();
    const attempt = (actor: typeof target.editor | null, articleId = target.article.id) =>
      importAnnotations({ actor, articleId, document: exported });
    await expect(attempt(null)).rejects.toMatchObject({ status: 401 });
    await expect(attempt(target.reviewer)).rejects.toMatchObject({ status: 403 });
    await expect(attempt(desk.editor)).rejects.toMatchObject({ status: 404 });
    await expect(attempt({ ...target.admin, tokenId: "t", role: "ADMIN" })).rejects.toMatchObject({
      status: 403,
      message: /read-only/,
    });
    expect(await counts(target.article.id)).toEqual({ annotations: 0, notes: 0, sources: 0 });
  });
});

describe("W3C import", () => {
  it("takes Factmark's own W3C export back, claim, verdict, rationale, notes and sources included", async () => {
    const source = await sourceDesk();
    const w3c = await readAll(
      await exportAnnotations({
        actor: source.desk.editor,
        query: { format: "w3c", article: source.article.id },
        urls: URLS,
      }),
    );
    const target = await targetDesk();
    const report = await importAnnotations({ actor: target.editor, articleId: target.article.id, document: w3c });
    expect(report.imported.map((i) => i.method)).toEqual(["position", "position"]);
    const again = (await readAll(
      await exportAnnotations({ actor: target.editor, query: { format: "native" }, urls: URLS }),
    )) as NativeDocument;
    const council = again.annotations.find((a) => a.claimant === null && a.claim === "Taxes rose 5% (council)")!;
    expect(council).toMatchObject({
      verdict: { key: "mostly-false" },
      rationale: "<script>x</script> 3%",
      sources: [{ url: "https://stats.example/t" }],
      author: { name: "reviewer user" },
    });
    expect(council.notes.map((n) => n.body)).toEqual(["First", "Reply"]);
  });

  it("reads Hypothesis-style annotations: code point positions after an emoji, tags as verdicts, a default verdict for the rest", async () => {
    const target = await targetDesk();
    const text = target.article.revisions[0].text;
    const hypothesis = (id: string, exact: string, body: object[], position?: { start: number; end: number }) => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      id: `https://hypothes.is/a/${id}`,
      creator: "acct:someone@hypothes.is",
      body,
      target: [
        {
          source: "https://news.example/story",
          selector: [
            { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
            ...(position ? [{ type: "TextPositionSelector", ...position }] : []),
          ],
        },
      ],
    });
    const thenAt = [...text].indexOf("t"); // code points: the emoji counts once
    const page = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationPage",
      items: [
        hypothesis(
          "a1",
          "then",
          [
            { type: "TextualBody", value: "Check this", format: "text/markdown" },
            { type: "TextualBody", purpose: "tagging", value: "False" },
          ],
          { start: thenAt, end: thenAt + 4 },
        ),
        hypothesis("a2", "Crime fell", [{ type: "TextualBody", value: "Hmm" }]),
      ],
    };
    await expect(
      importAnnotations({ actor: target.editor, articleId: target.article.id, document: page }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        problems: [{ index: 1, reason: "no verdict: the file gives none, and no default verdict was chosen" }],
      },
    });
    const report = await importAnnotations({
      actor: target.editor,
      articleId: target.article.id,
      document: page,
      options: { defaultVerdict: "unverifiable" },
    });
    expect(report.imported.map((i) => i.method)).toEqual(["position", "quote"]);
    const rows = await db.annotation.findMany({
      where: { articleId: target.article.id },
      include: { verdictOption: true },
      orderBy: { start: "asc" },
    });
    expect(rows.map((r) => [r.quote, r.start, r.verdictOption.key, r.claim, r.rationale])).toEqual([
      ["then", text.indexOf("then"), "false", "then", "Check this"],
      ["Crime fell", text.indexOf("Crime fell"), "unverifiable", "Crime fell", "Hmm"],
    ]);
  });

  it("lists malformed annotations by index", async () => {
    const target = await targetDesk();
    const items = [
      { type: "Annotation", id: "x1", target: { selector: { type: "TextPositionSelector", start: 5, end: 2 } } },
      { type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "then" } } },
      { type: "Note" },
      { type: "Annotation", id: "x4", target: "https://news.example/story" },
    ];
    await expect(
      importAnnotations({
        actor: target.editor,
        articleId: target.article.id,
        document: items,
        options: { defaultVerdict: "true" },
      }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        problems: [
          { index: 0, reason: "TextPositionSelector needs whole-number start and end, with end after start" },
          { index: 1, reason: "id is required, so that a re-import can recognise it" },
          { index: 2, reason: "not an Annotation (its type must be Annotation)" },
          { index: 3, reason: "no target with a TextQuoteSelector or TextPositionSelector" },
        ],
      },
    });
  });
});
