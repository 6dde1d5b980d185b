// Generated articles for the benchmarks: deterministic, so runs compare like with like.
import type { PrismaClient } from "../lib/db/create-client";
import { paragraphsToValue } from "../lib/articles/slate-value";
import { canonicalText } from "../lib/anchoring/canonical-text";
import { textHash } from "../lib/articles/text-hash";
import { anchorFor } from "../lib/anchoring/anchor";

const WORDS =
  "the minister said figures rose sharply last year while officials denied any link to spending cuts in regional budgets according to data".split(
    " ",
  );

/** A small seeded PRNG (LCG): the same sequence on every run. */
export function prng(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

export function generateParagraphs(words: number, perParagraph = 100): string[] {
  const random = prng(7);
  const paragraphs: string[] = [];
  for (let made = 0; made < words; made += perParagraph) {
    const text = Array.from({ length: Math.min(perParagraph, words - made) }, () => WORDS[random(WORDS.length)]).join(
      " ",
    );
    paragraphs.push(text.charAt(0).toUpperCase() + text.slice(1) + ".");
  }
  return paragraphs;
}

/**
 * Spans of 3–12 words at random places; every third overlaps the span before it, so a third of
 * the annotations overlap another.
 */
export function generateSpans(text: string, count: number): { start: number; end: number }[] {
  const random = prng(11);
  const wordStarts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    const previous = spans[spans.length - 1];
    const first =
      i % 3 === 2 && previous ? wordStarts.findIndex((w) => w.start > previous.start) : random(wordStarts.length - 12);
    const last = Math.min(wordStarts.length - 1, first + 2 + random(10));
    spans.push({ start: wordStarts[first].start, end: wordStarts[last].end });
  }
  return spans;
}

/** Adds an article with `annotationCount` annotations by `authorId` to the workspace. */
export async function createBenchArticle(
  db: PrismaClient,
  options: { workspaceId: string; authorId: string; title: string; words: number; annotationCount: number },
) {
  const body = paragraphsToValue(generateParagraphs(options.words));
  const text = canonicalText(body);
  const article = await db.article.create({
    data: {
      workspaceId: options.workspaceId,
      title: options.title,
      revisions: { create: { number: 1, body, text, textHash: textHash(text) } },
    },
    include: { revisions: true },
  });
  const verdicts = await db.verdictOption.findMany({ where: { scale: { workspaceId: options.workspaceId } } });
  const random = prng(13);
  const data = generateSpans(text, options.annotationCount).map((span, i) => ({
    workspaceId: options.workspaceId,
    articleId: article.id,
    revisionId: article.revisions[0].id,
    ...anchorFor(text, span.start, span.end),
    claim: `Generated claim ${i}`,
    verdictOptionId: verdicts[random(verdicts.length)].id,
    authorId: options.authorId,
  }));
  await db.annotation.createMany({ data });
  return { id: article.id, revisionId: article.revisions[0].id, text, paragraphs: body.length };
}

/**
 * A revision of generated paragraphs with edits spread through the text: every 7th paragraph gets
 * a new opening sentence, every 5th a word replaced in its middle, every 11th a sentence's words
 * shuffled and every 50th is deleted. Deterministic.
 */
export function reviseParagraphs(paragraphs: string[]): string[] {
  const random = prng(29);
  return paragraphs.flatMap((paragraph, i) => {
    if (i % 50 === 49) return [];
    let text = paragraph;
    if (i % 7 === 3) text = `An inserted sentence opens paragraph ${i}. ${text}`;
    if (i % 5 === 2) {
      const words = text.split(" ");
      words[Math.floor(words.length / 2)] = "reportedly";
      text = words.join(" ");
    }
    if (i % 11 === 6) {
      const words = text.split(" ");
      const from = random(Math.max(1, words.length - 12));
      const slice = words.slice(from, from + 10).reverse();
      words.splice(from, 10, ...slice);
      text = words.join(" ");
    }
    return [text];
  });
}
