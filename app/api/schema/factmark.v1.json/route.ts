import { NextResponse } from "next/server";
import { nativeJsonSchema } from "@/lib/export/native-format";
import { exportUrls } from "@/lib/export/urls";

/** GET /api/schema/factmark.v1.json — the native export format as JSON Schema. Public. */
export function GET(request: Request) {
  const { baseUrl } = exportUrls(new URL(request.url).origin);
  return NextResponse.json(nativeJsonSchema(`${baseUrl}/api/schema/factmark.v1.json`), {
    headers: { "cache-control": "public, max-age=3600" },
  });
}
