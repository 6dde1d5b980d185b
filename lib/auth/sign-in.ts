import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { clearLoginFailures, loginRetryAfterMinutes, recordLoginFailure } from "./throttle";

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * Checks an email and password from client address `ip`. Returns the claims for the session
 * token, or null for any failure (unknown email, wrong password, no active membership).
 * Throws 429 once the address has failed too often for that email.
 */
export async function verifySignIn(input: {
  email: unknown;
  password: unknown;
  ip: string;
}): Promise<SessionClaims | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = { email, ip: input.ip };

  const retryAfter = await loginRetryAfterMinutes(attempt);
  if (retryAfter !== null) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many attempts, try again in ${retryAfter} minute${retryAfter === 1 ? "" : "s"}.`,
    );
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      sessionVersion: true,
      memberships: { where: { deactivatedAt: null }, select: { id: true }, take: 1 },
    },
  });
  // Verify against a real hash even for unknown emails so timing does not reveal which exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok || user.memberships.length === 0) {
    await recordLoginFailure(attempt);
    return null;
  }
  await clearLoginFailures(attempt);
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

// A hash of a random password nobody knows, made once per process.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomUUID()));
