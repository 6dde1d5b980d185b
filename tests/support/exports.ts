import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { ExportDocument } from "@/lib/export/export";
import { nativeJsonSchema } from "@/lib/export/native-format";

/** The whole streamed document, parsed. */
export async function readAll(document: ExportDocument): Promise<unknown> {
  return JSON.parse(await readText(document));
}

/** The whole streamed document as text (byte chunks may end inside a character). */
export async function readText(document: ExportDocument): Promise<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text = "";
  for await (const chunk of document.chunks)
    text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateNative = ajv.compile(nativeJsonSchema("https://factmark.example/api/schema/factmark.v1.json"));

/** Asserts the document matches the served JSON Schema, naming every problem when it does not. */
export function expectValidNative(document: unknown) {
  const valid = validateNative(document);
  expect(validateNative.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/**
 * The checks every ClaimReview we publish must pass, the export's and the public page's alike:
 * the fields Google's structured-data guidelines require, with the types they name.
 */
export function expectValidClaimReview(review: Record<string, unknown>) {
  for (const field of ["url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"])
    expect(review).toHaveProperty(field);
  expect(review["@type"]).toBe("ClaimReview");
  expect(String(review.url)).toMatch(/^https?:\/\/[^/]+\/.+/);
  expect(String(review.datePublished)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(review.author).toMatchObject({ "@type": "Organization", name: expect.any(String) });
  expect(review.reviewRating).toMatchObject({ "@type": "Rating", alternateName: expect.any(String) });
  expect(review.itemReviewed).toMatchObject({
    "@type": "Claim",
    appearance: { "@type": "CreativeWork", url: expect.stringMatching(/^https?:\/\//) },
  });
}
