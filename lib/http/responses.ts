import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "../errors";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Maps a thrown error to JSON: AppErrors keep their status and message; the rest become 500. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Wraps a route handler so every outcome, including failures, is a JSON response. */
export function jsonRoute<Context>(handler: (request: Request, context: Context) => Promise<unknown>) {
  return async (request: Request, context: Context) => {
    try {
      return NextResponse.json(await handler(request, context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
