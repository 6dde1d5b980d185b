// Revises the bench article through lib (one transaction, as the API does) and times it, beside the
// pure re-anchoring alone. Run by bench/run.ts: tsx --conditions=react-server bench/reanchor-worker.ts <articleId>
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { reviseArticle } from "../lib/articles/articles";
import { getArticle } from "../lib/articles/queries";
import { listAnnotationsForArticle } from "../lib/annotations/annotations";
import { reanchorAll } from "../lib/anchoring/reanchor";
import { reviseParagraphs } from "./fixtures";

const [articleId] = process.argv.slice(2);
const actor = await unsafeCommandLineActor({ workspaceSlug: "demo-desk", email: "editor@example.com" });
const article = await getArticle({ actor, articleId });
const paragraphs = article.revision.body.map((block) => block.children.map((leaf) => leaf.text).join(""));
const revisedText = reviseParagraphs(paragraphs).join("\n\n");

const annotations = await listAnnotationsForArticle({ actor, articleId });
const pureStarted = performance.now();
reanchorAll(article.revision.text, revisedText, annotations);
const pureMs = performance.now() - pureStarted;

// Warm up the query plans and compiled queries a running server would already have, on a
// throwaway one-paragraph article, so the figure below is the revision's own cost.
const { createArticle } = await import("../lib/articles/articles");
const warmUp = await createArticle({ actor, input: { title: "Bench warm-up", format: "text", body: "Warm up." } });
await reviseArticle({ actor, articleId: warmUp.id, input: { format: "text", body: "Warmed up." } });

const started = performance.now();
const report = await reviseArticle({ actor, articleId, input: { format: "text", body: revisedText } });
const totalMs = performance.now() - started;
const count = (methods: string[]) => report.annotations.filter((a) => methods.includes(a.method)).length;
console.log(
  JSON.stringify({
    annotations: report.annotations.length,
    totalMs,
    pureMs,
    exact: count(["position", "quote"]),
    fuzzy: count(["fuzzy"]),
    orphan: count(["orphan"]),
  }),
);
process.exit(0);
