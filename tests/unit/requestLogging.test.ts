/**
 * An unexpected error is logged once per request, with the request's id, one stack, and never the query's variables:
 * a database failing twenty fields alike wrote twenty stacks at error level before.
 */
import { Writable } from "node:stream";
import type { GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { GraphQLError } from "graphql";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Context } from "../../src/graphql/context.js";
import { requestLoggingPlugin } from "../../src/http/logging.js";
import { createMetrics } from "../../src/metrics.js";

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino(sink), lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

async function respond(
  logger: pino.Logger,
  raw: GraphQLError[],
  sent: { message: string; extensions: { code: string } }[],
  variables: Record<string, unknown>,
): Promise<void> {
  const plugin = requestLoggingPlugin(logger, createMetrics());
  const contextValue = { requestId: "req-77", stats: { roundTrips: 3 } } as unknown as Context;
  const listener = await plugin.requestDidStart!({ contextValue } as never);
  await listener!.willSendResponse!({
    contextValue,
    operationName: "Victims",
    errors: raw,
    request: { variables },
    response: { http: { status: 200 }, body: { kind: "single", singleResult: { errors: sent } } },
  } as unknown as GraphQLRequestContextWillSendResponse<Context>);
}

describe("the request log", () => {
  it("logs the internal errors of one request once, with its id and one stack, and never its variables", async () => {
    const { logger, lines } = capture();
    const failure = new Error("Connection acquisition timed out");
    const raw = Array.from({ length: 20 }, (_, i) => new GraphQLError(failure.message, { path: ["events", i], originalError: failure }));
    raw.push(new GraphQLError("bad", { extensions: { code: "BAD_USER_INPUT" } }));
    const sent = [
      ...raw.slice(0, 20).map(() => ({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } })),
      { message: "bad", extensions: { code: "BAD_USER_INPUT" } },
    ];
    await respond(logger, raw, sent, { secret: "a-variable-value-never-logged" });
    const errors = lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      requestId: "req-77",
      operationName: "Victims",
      count: 20,
      msg: "internal error while resolving a request",
    });
    expect((errors[0]!.err as { message: string }).message).toBe("Connection acquisition timed out");
    expect(JSON.stringify(lines())).not.toContain("a-variable-value-never-logged");
    expect(JSON.stringify(errors).match(/at /g)?.length ?? 0).toBeLessThan(20);
    expect(lines().filter((line) => line.msg === "graphql request")).toHaveLength(1);
  });

  it("logs nothing at error level for a request whose errors were all the caller's", async () => {
    const { logger, lines } = capture();
    await respond(logger, [new GraphQLError("bad")], [{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }], {});
    expect(lines().filter((line) => line.level === 50)).toEqual([]);
  });
});
