import { to as copyTo } from "pg-copy-streams";
import { dbPool } from "./client";

/**
 * The rows of one query as PostgreSQL writes them with `COPY (query) TO STDOUT options`: raw
 * bytes, read only as fast as the consumer takes them (the socket is paused while it does not), no
 * row decoded in Node. Holds one of the pool's connections until the last byte. COPY takes no bind
 * parameters: build `query` with inlineSql (lib/db/inline-sql.ts).
 */
export async function* copyOut(query: string, options = ""): AsyncGenerator<Uint8Array> {
  const client = await dbPool().connect();
  let finished = false;
  try {
    for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT ${options}`))) yield chunk as Buffer;
    finished = true;
  } finally {
    // Stopped early (the reader went away) or failed: the connection is mid-COPY, so it is closed, not reused.
    client.release(!finished);
  }
}
