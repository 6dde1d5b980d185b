import { createHash } from "node:crypto";

/**
 * SHA-256 of a revision's canonical text, hex: lets an export consumer check it has the same text.
 * Server-only: it lives outside lib/anchoring so the article page's bundle never pulls in Node's
 * crypto polyfill (~458 KB) through the anchoring code the editor uses.
 */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
