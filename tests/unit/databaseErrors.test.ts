/**
 * How the driver's errors become the domain's (db/executor.ts): every code Neo4j gives a transaction ended by its
 * timeout is a QUERY_TIMEOUT, wherever the timeout found it (running, between statements, waiting for a lock).
 */
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { mapDatabaseError, terminatedCodes } from "../../src/db/executor.js";
import { QueryTimeoutError } from "../../src/errors.js";

describe("mapDatabaseError", () => {
  it.each([...terminatedCodes])("maps %s to a query timeout", (code) => {
    expect(mapDatabaseError(new Neo4jError("The transaction has been terminated.", code, "", ""))).toBeInstanceOf(QueryTimeoutError);
  });

  it("leaves a code that is not a termination alone", () => {
    const error = new Neo4jError("Invalid input", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(mapDatabaseError(error)).toBe(error);
  });
});
