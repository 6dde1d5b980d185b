import { once } from "node:events";
import { to as copyTo } from "pg-copy-streams";
import { dbPool } from "./client";

/** Planner settings for one statement, by name (written into SQL: constants from our code only). */
export type StatementSettings = Record<string, string>;

/**
 * The rows of one query as PostgreSQL writes them with `COPY (query) TO STDOUT options`: raw
 * bytes, read only as fast as the consumer takes them (the socket is paused while it does not), no
 * row decoded in Node. Holds one of the pool's connections until the last byte. COPY takes no bind
 * parameters: build `query` with inlineSql (lib/db/inline-sql.ts). `settings` apply to this
 * statement alone: it then runs in a read-only transaction of its own that sets them with SET LOCAL,
 * so the pooled connection goes back as it was.
 */
export async function* copyOut(
  query: string,
  options = "",
  settings: StatementSettings = {},
): AsyncGenerator<Uint8Array> {
  const client = await dbPool().connect();
  const local = Object.entries(settings);
  let finished = false;
  try {
    // One round trip: BEGIN and the settings as one simple query.
    if (local.length)
      await client.query(
        ["BEGIN READ ONLY", ...local.map(([name, value]) => `SET LOCAL ${identifier(name)} = ${literal(value)}`)].join(
          "; ",
        ),
      );
    const rows = client.query(copyTo(`COPY (${query}) TO STDOUT ${options}`));
    // The rows end before PostgreSQL reports the statement done; COMMIT waits for that (the
    // client's next "drain"), since pg refuses to queue a query behind a running one.
    const done = local.length ? once(client, "drain") : undefined;
    done?.catch(() => {}); // a failed COPY throws below instead
    for await (const chunk of rows) yield chunk as Buffer;
    if (done) {
      await done;
      await client.query("COMMIT");
    }
    finished = true;
  } finally {
    // Stopped early (the reader went away) or failed: the connection is mid-COPY (or mid-transaction),
    // so it is closed, not reused.
    client.release(!finished);
  }
}

function identifier(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`copyOut: unexpected setting name ${JSON.stringify(name)}`);
  return name;
}

function literal(value: string): string {
  if (!/^[\w.-]*$/.test(value)) throw new Error(`copyOut: unexpected setting value ${JSON.stringify(value)}`);
  return `'${value}'`;
}
