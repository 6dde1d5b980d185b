import { randomBytes } from "node:crypto";

/**
 * A new row id in the same alphabet and length as Prisma's cuid() (so `idSchema` accepts it), for
 * bulk inserts that must know ids before writing (notes that point at their parents). "c", the time
 * in base 36 (so ids sort roughly by creation), then 16 random base-36 characters.
 */
export function newId(): string {
  const random = [...randomBytes(16)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}
