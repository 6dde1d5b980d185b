import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { anchorFor } from "@/lib/anchoring/anchor";
import { exportAnnotations } from "@/lib/export/export";
import { streamResponse } from "@/lib/http/responses";
import { createArticle, createWorkspace } from "../support/factories";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

/** A desk whose one article holds `count` annotations, bulk-inserted, their claims padded to `claimLength`. */
async function bigDesk(count: number, claimLength = 0) {
  const desk = await createWorkspace();
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["word ".repeat(2_000).trim()] });
  const revision = article.revisions[0];
  await db.annotation.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId: desk.workspace.id,
      articleId: article.id,
      revisionId: revision.id,
      ...anchorFor(revision.text, (i % 1_900) * 5, (i % 1_900) * 5 + 4),
      claim: `claim ${i}`.padEnd(claimLength, "."),
      verdictOptionId: desk.options[i % desk.options.length].id,
      authorId: desk.reviewer.userId,
    })),
  });
  return desk;
}

describe("streamed exports", () => {
  it("write every annotation across many batches, each one line", async () => {
    const desk = await bigDesk(1_250);
    const document = await exportAnnotations({ actor: desk.editor, query: { format: "native" }, urls: URLS });
    let chunks = 0;
    let text = "";
    for await (const chunk of document.chunks) {
      chunks++;
      text += chunk;
    }
    expect(document.total).toBe(1_250);
    expect(JSON.parse(text).annotations).toHaveLength(1_250);
    expect(chunks).toBeGreaterThan(3); // head, articles, three batches of annotations, tail
  });

  it("end the native export's COPY when the client goes away mid-stream", async () => {
    // About 10 MB of annotations: far more than the socket's buffers hold, so the COPY must wait on the reader.
    const desk = await bigDesk(1_250, 8_000);
    const document = await exportAnnotations({ actor: desk.editor, query: { format: "native" }, urls: URLS });
    const reader = streamResponse(document.chunks, {}).body!.getReader();
    // Read into the annotations, which come from one COPY statement.
    let text = "";
    while (!text.includes('"claim":')) text += Buffer.from((await reader.read()).value!).toString("latin1");
    const copying = () =>
      db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'COPY (%' AND state = 'active'`.then(([row]) => row.n);
    expect(await copying()).toBe(1);
    await reader.cancel("client disconnected");
    expect(await document.chunks.next()).toEqual({ done: true, value: undefined });
    // Its connection was closed rather than returned mid-COPY, so PostgreSQL stops the statement.
    await expect.poll(copying, { timeout: 10_000 }).toBe(0);
  });

  it("stop reading when the client goes away mid-stream", async () => {
    const desk = await bigDesk(1_250);
    const document = await exportAnnotations({ actor: desk.editor, query: { format: "w3c" }, urls: URLS });
    const reader = streamResponse(document.chunks, {}).body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel("client disconnected");
    // The generator was returned: it yields nothing more and runs no further batch query. (No
    // connection is held between batches in the first place: each is its own short query.)
    expect(await document.chunks.next()).toEqual({ done: true, value: undefined });
  });
});
