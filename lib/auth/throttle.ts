import { db } from "../db/client";

/** More than this many failures for one email from one address within the window are refused. */
export const MAX_LOGIN_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

type Attempt = { email: string; ip: string; now?: Date };

/**
 * Minutes until the oldest failure in the window expires, or null when sign-in may be tried.
 * Counted in PostgreSQL so every app instance sees the same counters.
 */
export async function loginRetryAfterMinutes({ email, ip, now = new Date() }: Attempt): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = await db.loginFailure.findMany({
    where: { email, ip, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_LOGIN_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_LOGIN_FAILURES) return null;
  const oldestCounted = failures[failures.length - 1].createdAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + LOGIN_WINDOW_MS - now.getTime()) / 60_000));
}

export async function recordLoginFailure({ email, ip, now = new Date() }: Attempt): Promise<void> {
  await db.$transaction([
    db.loginFailure.create({ data: { email, ip, createdAt: now } }),
    // Expired rows are never read again; sweeping here keeps the table small without a job.
    db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_WINDOW_MS) } } }),
  ]);
}

export async function clearLoginFailures({ email, ip }: Attempt): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email, ip } });
}
