// The browser's side of the article routes.
export type RouteResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function sendJson<T>(method: string, url: string, body: unknown): Promise<RouteResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    return { ok: false, message: json?.error?.message ?? `Request failed (${response.status})` };
  } catch {
    return { ok: false, message: "Could not reach the server; your text is still here, try again." };
  }
}
