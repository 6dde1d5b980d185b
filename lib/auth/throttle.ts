import { db } from "../db/client";

/**
 * Two limits, each over the same sliding window, so rotating one side gains nothing:
 * failures for one email from any address (rotating addresses, e.g. a botnet, still gets only
 * this many guesses at an account), and failures from one address for any email (rotating
 * emails from one machine is bounded too). The per-address limit is higher because a newsroom
 * behind one NAT address shares it.
 */
export const MAX_LOGIN_FAILURES = 10;
export const MAX_LOGIN_FAILURES_PER_ADDRESS = 50;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

type Attempt = { email: string; ip: string; now?: Date };

/**
 * Minutes until sign-in may be tried again, or null when it may be tried now. Counted in
 * PostgreSQL so every app instance sees the same counters.
 */
export async function loginRetryAfterMinutes({ email, ip, now = new Date() }: Attempt): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byEmail, byAddress] = await Promise.all([
    oldestCountedFailure({ email, createdAt: { gt: since } }, MAX_LOGIN_FAILURES),
    oldestCountedFailure({ ip, createdAt: { gt: since } }, MAX_LOGIN_FAILURES_PER_ADDRESS),
  ]);
  const blockedUntil = Math.max(byEmail ?? 0, byAddress ?? 0) + LOGIN_WINDOW_MS;
  if (byEmail === null && byAddress === null) return null;
  return Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 60_000));
}

/** The time of the `limit`-th newest failure matching `where`, or null when there are fewer. */
async function oldestCountedFailure(
  where: { email?: string; ip?: string; createdAt: { gt: Date } },
  limit: number,
): Promise<number | null> {
  const failures = await db.loginFailure.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  return failures.length < limit ? null : failures[failures.length - 1].createdAt.getTime();
}

export async function recordLoginFailure({ email, ip, now = new Date() }: Attempt): Promise<void> {
  await db.$transaction([
    db.loginFailure.create({ data: { email, ip, createdAt: now } }),
    // Expired rows are never read again; sweeping here keeps the table small without a job.
    db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_WINDOW_MS) } } }),
  ]);
}

/**
 * After a successful sign-in the account's failures are forgiven, from every address. The
 * address's failures for other emails stay counted, so signing in to one's own account does
 * not reset a guessing run against others.
 */
export async function clearLoginFailures({ email }: Attempt): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
