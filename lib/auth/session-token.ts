import { decode } from "next-auth/jwt";
import type { SessionClaims } from "./actor";

// next-auth's decode derives the key (HKDF) and decrypts (AES-GCM) on every call, about 0.2 ms
// of CPU per request (issue #15: profiled under the list route), while a browser sends the same
// cookie on every request. Only tokens that decrypted are kept, so a forged one cannot fill this.
const MAX_ENTRIES = 1_000;
// next-auth's own leeway on `exp`.
const CLOCK_TOLERANCE_SECONDS = 15;

type Entry = { secret: string; claims: SessionClaims | null; exp: number };
const decoded = new Map<string, Entry>();

/**
 * A session token's claims (null: not decryptable with `secret`, expired, or without our two
 * claims), cached per token value until the token expires. The claims are still checked against
 * the database on every request (loadActor), so "sign out everywhere" is not delayed by this.
 */
export async function sessionClaimsOf(raw: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const cached = decoded.get(raw);
  if (cached && cached.secret === secret) {
    if (now / 1000 <= cached.exp + CLOCK_TOLERANCE_SECONDS) return cached.claims;
    decoded.delete(raw);
    return null;
  }
  // A forged, tampered or expired token fails to decrypt: no session.
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token) return null;
  const claims =
    typeof token.userId === "string" && typeof token.sessionVersion === "number"
      ? { userId: token.userId, sessionVersion: token.sessionVersion }
      : null;
  // next-auth always sets exp; a token without one is answered but not kept.
  if (typeof token.exp !== "number") return claims;
  // Oldest first out: Map keeps insertion order.
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(raw, { secret, claims, exp: token.exp });
  return claims;
}
