// Issue #15 item 4: the native export's annotations are assembled by PostgreSQL as JSON text in
// one statement, streamed by COPY as JSON lines. They must be byte for byte what
// JSON.stringify(toNativeAnnotation(row)) gives for the same rows read through Prisma, on the data where the two could differ: escapes (quotes, backslashes,
// control characters, U+2028, emoji), nulls, imported names, emails for admins, a deleted note
// kept for its reply and one dropped, reviews, a correction, an accessed date, and a blind that
// hides one person's notes and reviews.
import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/annotations";
import { createNote, deleteNote } from "@/lib/annotations/notes";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import { db } from "@/lib/db/client";
import { toNativeAnnotation } from "@/lib/export/native";
import { nativeAnnotationLines, nativeAnnotationsSql, parallelSettings } from "@/lib/export/native-sql";
import { inlineSql } from "@/lib/db/inline-sql";
import { annotationBatches, type Selection } from "@/lib/export/query";
import { createArticle, createWorkspace, spanOf } from "../support/factories";

const TRICKY = 'Quote "this" \\ back\\slash, tab\there, bell\u0007, nul-ish\u0001, line\u2028sep, emoji 👋🏽, é\u0301';

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

describe("native export assembled in SQL", () => {
  it("gives the same bytes as the JavaScript mapping, batch after batch, with and without emails and under a blind", async () => {
    const d = await createWorkspace();
    const article = await createArticle({
      workspaceId: d.workspace.id,
      paragraphs: ["Taxes rose 5% and jobs grew by a third.", "Crime fell by half, police say."],
    });
    const revision = article.revisions[0];
    const at = (quote: string) => spanOf(revision, quote);
    const a = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: {
        ...at("Taxes rose 5%"),
        claim: "Taxes rose",
        verdict: "mixed",
        claimant: "The mayor",
        rationale: "Because.",
        sources: [{ url: "https://a.example/x", title: "T", accessedAt: "2026-11-01" }, { url: "https://b.example/y" }],
        note: "first",
      },
    });
    const b = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("jobs grew"), claim: "Jobs", verdict: "false" },
    });
    await createAnnotation({
      actor: d.editor,
      articleId: article.id,
      input: { ...at("Crime fell"), claim: "Crime", verdict: "true", note: "editor's own" },
    });
    const kept = await createNote({
      actor: d.editor,
      annotationId: a.id,
      input: { body: "to be deleted, with a reply" },
    });
    await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "the reply", parentId: kept.id } });
    await deleteNote({ actor: d.editor, annotationId: a.id, noteId: kept.id });
    const dropped = await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "deleted alone" } });
    await deleteNote({ actor: d.reviewer, annotationId: a.id, noteId: dropped.id });
    await changeAnnotationStatus({ actor: d.reviewer, annotationId: b.id, input: { status: "SUBMITTED", version: 1 } });
    await changeAnnotationStatus({
      actor: d.editor,
      annotationId: b.id,
      input: { status: "APPROVED", version: 2, comment: TRICKY },
    });
    await changeAnnotationStatus({ actor: d.editor, annotationId: b.id, input: { status: "PUBLISHED", version: 3 } });
    await startCorrection({ actor: d.editor, annotationId: b.id, input: { note: `Corrected: ${TRICKY}` } });
    await db.annotation.update({ where: { id: a.id }, data: { claim: TRICKY, importedAuthor: "Imported “Name”" } });
    await db.note.updateMany({ where: { annotationId: a.id, body: "first" }, data: { importedAuthor: "Old desk" } });

    // A check reused from an earlier one and from a reference check, and one whose verdict has no rating.
    const reference = await db.referenceCheck.create({
      data: { workspaceId: d.workspace.id, url: `https://checks.example/${TRICKY}`, claim: "Referenced" },
    });
    const reusing = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("police say"), claim: "Police", verdict: "unverifiable" },
    });
    await db.annotation.update({
      where: { id: reusing.id },
      data: { reusedFromId: b.id, reusedFromReferenceId: reference.id },
    });

    const bounds = { worstRating: 1, bestRating: 7 };
    const editorBlinded: Selection["visibility"]["blinds"] = [{ articleId: article.id, hiddenUserId: d.editor.userId }];
    for (const blinds of [[], editorBlinded]) {
      const selection: Selection = {
        workspaceId: d.workspace.id,
        visibility: { userId: d.reviewer.userId, workspaceId: d.workspace.id, blinds },
      };
      for (const [withEmails, scale] of [
        [false, bounds],
        [true, bounds],
        [true, { worstRating: null, bestRating: null }],
      ] as const) {
        const expected = (await collect(annotationBatches(selection, 2))).map((row) =>
          JSON.stringify(toNativeAnnotation(row, scale, withEmails)),
        );
        expect(expected.join("\n")).toContain('"reusedFrom":{"annotationId"');
        // The statement as a query, and as COPY streams it (its lines, decoded across chunk cuts),
        // whole and in parts (parallel workers: each part's rows interleave with the others').
        for (const parts of [1, 2, 3]) {
          const rows = await db.$queryRaw<{ json: string }[]>(
            nativeAnnotationsSql(selection, scale, withEmails, parts),
          );
          expect(rows.length).toBeGreaterThanOrEqual(blinds.length ? 2 : 4);
          expect(rows.map((row) => row.json)).toEqual(expected);
          const decoder = new TextDecoder("utf-8", { fatal: true });
          let copied = "";
          for await (const chunk of nativeAnnotationLines(selection, scale, withEmails, parts))
            copied += decoder.decode(chunk, { stream: true });
          expect(copied + decoder.decode()).toBe(expected.map((line) => `${line}\n`).join(""));
        }
      }
    }
  });

  it("is planned in parts for parallel workers, which build the JSON, also under a blind", async () => {
    const d = await createWorkspace();
    const article = await createArticle({ workspaceId: d.workspace.id, paragraphs: ["Taxes rose 5% last year."] });
    await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...spanOf(article.revisions[0], "Taxes rose"), claim: "Taxes", verdict: "mixed", note: "a note" },
    });
    const selection: Selection = {
      workspaceId: d.workspace.id,
      visibility: {
        userId: d.reviewer.userId,
        workspaceId: d.workspace.id,
        blinds: [{ articleId: article.id, hiddenUserId: d.editor.userId }],
      },
    };
    const statement = inlineSql(nativeAnnotationsSql(selection, { worstRating: 1, bestRating: 7 }, true, 2));
    const [{ "QUERY PLAN": plan }] = await db.$transaction(async (tx) => {
      for (const [name, value] of Object.entries(parallelSettings(2)))
        await tx.$executeRawUnsafe(`SET LOCAL ${name} = '${value}'`);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
        `EXPLAIN (VERBOSE, FORMAT JSON) ${statement}`,
      );
    });
    const [limit] = plan.map((p) => p.Plan);
    const gather = limit.Plans?.[0];
    expect(gather?.["Node Type"]).toBe("Gather Merge");
    expect(gather?.["Workers Planned"]).toBe(2);
    // The JSON is the Gather Merge's input, so the workers build it.
    expect(gather?.Plans?.[0].Output?.[0]).toMatch(/^format\('\{"id":/);
    expect(JSON.stringify(gather)).toContain('"Parallel Aware":true');
    expect(JSON.stringify(gather)).toContain('"Node Type":"Append"');
  });
});

type PlanNode = {
  "Node Type": string;
  "Workers Planned"?: number;
  Output?: string[];
  Plans?: PlanNode[];
};
