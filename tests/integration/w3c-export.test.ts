import { describe, expect, it } from "vitest";
import { listAnnotationsForArticle } from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { toW3cAnnotation, toW3cCollection } from "@/lib/export/w3c";
import { annotate, createArticle, createWorkspace } from "../support/factories";
import { checkW3c } from "../support/w3c-checker";

const BASE_URL = "https://factmark.example";

async function annotatedArticle() {
  const desk = await createWorkspace();
  const article = await createArticle({
    workspaceId: desk.workspace.id,
    paragraphs: ["Greeting 👋 then the claim: taxes rose 5%.", "Second."],
  });
  const revision = article.revisions[0];
  const first = await annotate(desk.reviewer, article, "taxes rose 5%", {
    claim: "Taxes rose 5%",
    verdict: "misleading",
    rationale: "They rose 3%.",
    sources: [{ url: "https://stats.example/t" }],
    note: "Checked.",
  });
  await createNote({
    actor: desk.editor,
    annotationId: first.id,
    input: { body: "Agreed.", parentId: first.notes[0].id },
  });
  await annotate(desk.editor, article, "then", { claim: "then", verdict: "unverifiable" });
  const annotations = await listAnnotationsForArticle({ actor: desk.reviewer, articleId: article.id });
  return { article: { id: article.id, title: article.title, sourceUrl: null, text: revision.text }, annotations };
}

describe("W3C Web Annotation export", () => {
  it("counts TextPositionSelector in code points for a span after an emoji, and keeps the exact quote", async () => {
    const { article, annotations } = await annotatedArticle();
    const then = annotations.find((a) => a.quote === "then")!;
    expect(then.start).toBe(12); // UTF-16: the emoji is two units
    const exported = toW3cAnnotation(then, article, BASE_URL);
    expect(exported.target).toEqual({
      source: `${BASE_URL}/articles/${article.id}`,
      selector: [
        {
          type: "TextQuoteSelector",
          exact: "then",
          prefix: "Greeting 👋 ",
          suffix: " the claim: taxes rose 5%.\n\nSeco",
        },
        { type: "TextPositionSelector", start: 11, end: 15 },
      ],
    });
    expect([...article.text].slice(11, 15).join("")).toBe("then");
  });

  it("gives bodies for the claim (describing), the verdict (assessing and classifying), rationale and notes (commenting) and sources (linking)", async () => {
    const { article, annotations } = await annotatedArticle();
    const taxes = toW3cAnnotation(
      annotations.find((a) => a.quote === "taxes rose 5%")!,
      article,
      BASE_URL,
    );
    expect(taxes).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "assessing",
      creator: { type: "Person" },
    });
    expect(
      taxes.body.map((b) => [
        (b as { purpose: string }).purpose,
        (b as { value?: string; source?: string }).value ?? (b as { source: string }).source,
      ]),
    ).toEqual([
      ["describing", "Taxes rose 5%"],
      ["assessing", "Misleading"],
      ["classifying", `${BASE_URL}/verdicts/misleading`],
      ["commenting", "They rose 3%."],
      ["commenting", "Checked."],
      ["commenting", "Agreed."],
      ["linking", "https://stats.example/t"],
    ]);
  });

  it("passes every MUST assertion of the W3C model, one annotation and a whole collection", async () => {
    const { article, annotations } = await annotatedArticle();
    for (const annotation of annotations) {
      const result = await checkW3c(toW3cAnnotation(annotation, article, BASE_URL));
      expect(result.output).toMatch(/^\d+ passed, 0 failed/m);
      expect(result.exitCode).toBe(0);
    }
    const collection = await checkW3c(
      toW3cCollection(annotations, article, BASE_URL, `${BASE_URL}/api/export/collection-1`),
    );
    expect(collection.output).toMatch(/^\d+ passed, 0 failed/m);
    expect(collection.exitCode).toBe(0);
  });

  it("the checker does catch a broken export (so the test above can fail)", async () => {
    const { article, annotations } = await annotatedArticle();
    const broken: Record<string, unknown> = {
      ...toW3cAnnotation(annotations[0], article, BASE_URL),
      created: "yesterday",
    };
    delete broken["@context"];
    const result = await checkW3c(broken);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/FAIL/);
  });
});
