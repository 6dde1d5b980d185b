import "server-only";
import { NextResponse } from "next/server";
import { AppError, fromUnexpected, RETRY_AFTER_SECONDS } from "../errors";
import { findBadString, jsonDepth, MAX_JSON_DEPTH } from "./json-input";
import { assertSameOriginWrite } from "./same-origin";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/**
 * Maps a thrown error to JSON: AppErrors keep their status and message, a database too busy to
 * start a transaction becomes 503 with Retry-After (lib/errors.ts), the rest become 500.
 */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const busy = fromUnexpected(error);
  if (busy) console.warn(`503: ${error instanceof Error ? error.message.split("\n").pop() : busy.message}`);
  const known = error instanceof AppError ? error : busy;
  if (known) {
    const headers = known.code === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined;
    return NextResponse.json(
      { error: { code: known.code, message: known.message, details: known.details } },
      { status: known.status, headers },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

/**
 * Wraps a route handler so every outcome, including failures, is a JSON response. The handler
 * returns the body (200), or a Response of its own (e.g. `created(...)`). Writes must pass the
 * CSRF rule first (lib/http/same-origin.ts), so no route can forget it.
 */
export function jsonRoute<Context>(handler: (request: Request, context: Context) => Promise<unknown>) {
  return async (request: Request, context: Context) => {
    try {
      assertSameOriginWrite(request);
      const result = await handler(request, context);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const created = (body: unknown) => NextResponse.json(body, { status: 201 });

/**
 * A 200 whose body is JSON text already written (by PostgreSQL, for the hottest reads): sent as
 * it is, with the headers NextResponse.json gives, so no value is parsed and serialised again.
 */
export const jsonText = (body: string) => new Response(body, { headers: { "content-type": "application/json" } });

/** Largest JSON body a route accepts; bigger ones get 413 before parsing. */
export const MAX_JSON_BYTES = 256 * 1024;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);

/**
 * The request's JSON body: 413 when over the limit, 400 with a reason when it is not JSON, is
 * nested deeper than 64 levels, or holds a string no text column can store (NUL, a lone
 * surrogate; the message names the field). `checkStrings: false` leaves that to the caller, for
 * imports, which report such problems per item.
 */
export async function readJson(
  request: Request,
  maxBytes = MAX_JSON_BYTES,
  options: { checkStrings?: boolean } = {},
): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is over the ${sizeLabel(maxBytes)} limit`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is over the ${sizeLabel(maxBytes)} limit`);
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The body is empty; send JSON");
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new AppError(
      "BAD_REQUEST",
      `The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels of arrays and objects)`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
  const bad = options.checkStrings === false ? null : findBadString(value);
  if (bad) throw new AppError("BAD_REQUEST", `${bad.field}: ${bad.problem}`);
  return value;
}

/**
 * A response whose body is produced chunk by chunk as the client reads it (pull, so a slow client
 * slows the producer instead of filling memory). When the client goes away the generator is
 * returned, which ends its loop and so its next database read.
 */
export function streamResponse(chunks: AsyncGenerator<string | Uint8Array>, headers: HeadersInit): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        console.error(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers });
}
