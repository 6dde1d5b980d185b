import { NextResponse, type NextRequest } from "next/server";
import { hasBrokenPercentEncoding } from "./lib/http/encoded-path";

/**
 * Runs before routing (Next 16's proxy, formerly middleware). Not a security boundary: it only
 * turns paths Next cannot decode into a clear 400 instead of Next's own 500.
 */
export function proxy(request: NextRequest) {
  if (hasBrokenPercentEncoding(request.nextUrl.pathname)) {
    return NextResponse.json(
      { error: { code: "BAD_REQUEST", message: "path: the address has broken percent-encoding" } },
      { status: 400 },
    );
  }
  return NextResponse.next();
}
