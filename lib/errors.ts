/**
 * Errors that lib/ throws on purpose. Each code maps to one HTTP status; the message is safe to
 * show to the user. Anything else that escapes is logged and answered with a generic 500, except
 * an overloaded database (see `fromUnexpected`).
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

/** Seconds a client should wait before retrying a request refused with UNAVAILABLE (503). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * An interactive transaction that could not start within its wait, or ran past its timeout
 * (Prisma P2028), was rolled back: nothing was written, and the same request can succeed a moment
 * later. So it is a 503 with Retry-After, not a 500. Matched by shape, not class: Next may load
 * the Prisma runtime more than once, and this module is also imported by client components.
 */
export function fromUnexpected(error: unknown): AppError | null {
  const known = error as { name?: unknown; code?: unknown } | null;
  if (known && typeof known === "object" && known.name === "PrismaClientKnownRequestError" && known.code === "P2028") {
    return new AppError("UNAVAILABLE", "The server is busy; nothing was changed. Try again in a moment.");
  }
  return null;
}
