import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { ExportDocument } from "@/lib/export/export";
import { nativeJsonSchema } from "@/lib/export/native-format";

/** The whole streamed document, parsed. */
export async function readAll(document: ExportDocument): Promise<unknown> {
  let text = "";
  for await (const chunk of document.chunks) text += chunk;
  return JSON.parse(text);
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
