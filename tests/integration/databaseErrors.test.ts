/**
 * Neo4j's refusals become coded errors that say what happened: a transaction out of memory is
 * DATABASE_OUT_OF_MEMORY, at once and without the driver's retries (trying again fails the same way). One case only:
 * filling the transaction memory pool of the test database is seconds of work for it.
 */
import { describe, expect, it } from "vitest";
import { DomainError, ErrorCode } from "../../src/errors.js";
import { graphQLErrorOf } from "../../src/http/errors.js";
import { useTestDatabase } from "../helpers/server.js";

const database = useTestDatabase();

/** Collects more numbers than the transaction memory pool of the launcher's 4 GB heap (2.8 GB) can hold. */
const tooMuch = "// collectTooMuch\nUNWIND range(1, 1000000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n";

describe("a transaction out of memory", () => {
  it("is DATABASE_OUT_OF_MEMORY in a write, sent once", async () => {
    let sent = 0;
    const error = await database.db
      .write(async (tx) => {
        sent += 1;
        return tx.run(tooMuch);
      })
      .catch((caught: unknown) => caught);
    // A domain error below the edge; the edge codes it for the client (http/errors.ts).
    expect(error).toBeInstanceOf(DomainError);
    expect(graphQLErrorOf(error as DomainError)).toMatchObject({ extensions: { code: ErrorCode.DatabaseOutOfMemory } });
    expect((error as Error).message).toMatch(/ran out of memory.*nothing was written/);
    expect(sent).toBe(1);
  }, 120_000);
});
