// The browser's side of the annotation API: the same JSON routes partners script against.
import type { AnnotationView, NoteView } from "@/lib/annotations/view";
import type { HistoryEntry } from "@/lib/annotations/annotations";
import { SESSION_EXPIRED_MESSAGE, signInAgain } from "@/components/shared/session-expiry";

export type ApiError = { status: number; code: string; message: string; details?: unknown };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** One request; a 401 (the session expired) waits for the person to sign in again and is sent once more. */
async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  const result = await send<T>(method, url, body);
  if (result.ok || result.error.status !== 401) return result;
  if (await signInAgain()) return send<T>(method, url, body);
  return { ok: false, error: { ...result.error, message: SESSION_EXPIRED_MESSAGE } };
}

async function send<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      error: {
        status: 0,
        code: "NETWORK",
        message: "Could not reach the server; your changes are still here, try again.",
      },
    };
  }
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: json as T };
  const error = json?.error ?? {};
  return {
    ok: false,
    error: {
      status: response.status,
      code: error.code ?? "INTERNAL",
      message: error.message ?? `Request failed (${response.status})`,
      details: error.details,
    },
  };
}

export const annotationApi = {
  create: (articleId: string, input: unknown) =>
    call<AnnotationView>("POST", `/api/articles/${articleId}/annotations`, input),
  update: (id: string, input: unknown) => call<AnnotationView>("PATCH", `/api/annotations/${id}`, input),
  remove: (id: string, version: number) => call<{ id: string }>("DELETE", `/api/annotations/${id}?version=${version}`),
  history: (id: string) => call<{ history: HistoryEntry[] }>("GET", `/api/annotations/${id}/history`),
  addNote: (id: string, body: string, parentId?: string) =>
    call<NoteView>("POST", `/api/annotations/${id}/notes`, { body, parentId }),
  editNote: (id: string, noteId: string, body: string, version: number) =>
    call<NoteView>("PATCH", `/api/annotations/${id}/notes/${noteId}`, { body, version }),
  deleteNote: (id: string, noteId: string, version: number) =>
    call<{ id: string }>("DELETE", `/api/annotations/${id}/notes/${noteId}?version=${version}`),
  get: (id: string) => call<AnnotationView>("GET", `/api/annotations/${id}`),
  changeStatus: (id: string, input: unknown) => call<AnnotationView>("POST", `/api/annotations/${id}/status`, input),
  startCorrection: (id: string, input: unknown) =>
    call<AnnotationView>("POST", `/api/annotations/${id}/corrections`, input),
  retract: (id: string, input: unknown) => call<{ id: string }>("POST", `/api/annotations/${id}/retraction`, input),
  placement: (id: string, input: unknown) => call<AnnotationView>("POST", `/api/annotations/${id}/placement`, input),
};
