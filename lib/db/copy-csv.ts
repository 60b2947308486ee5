/**
 * `COPY (query) TO ... WITH (FORMAT csv)`: PostgreSQL writes the rows as CSV itself, in C, with
 * its native quoting, and Node only carries bytes. The one place that takes a connection of its
 * own beside Prisma's queries: on PostgreSQL, one of the shared pool's connections through
 * pg-copy-streams; on PGlite, its `/dev/blob` device. Either way the query's whole output is
 * read before this returns and the connection goes back to the pool, also on an error, so a
 * caller that is slow to pass the bytes on (a download) never holds a connection.
 */
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Driver } from "@/lib/db/adapters";
import { inlineSql } from "@/lib/db/inline-sql";

/** The CSV of `query`'s rows, without a header, as one piece; the caller bounds its size. */
export async function copyCsv(driver: Driver, query: Prisma.Sql): Promise<Uint8Array> {
  // COPY takes no bind parameters: the values go in as literals.
  const select = inlineSql(query);
  if (driver.kind === "pglite") {
    const { blob } = await driver.pglite.query(`COPY (${select}) TO '/dev/blob' WITH (FORMAT csv)`);
    return blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array(0);
  }
  const client = await driver.pool.connect();
  let failure: Error | undefined;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv)`))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose COPY failed part-way is closed, not pooled: its protocol state is unknown.
    client.release(failure);
  }
}
