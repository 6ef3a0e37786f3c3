/**
 * Operation types over HTTP (http/operationTypes.ts): a type the schema does not serve is refused with graphql-js's
 * own message; subscriptions, served over WebSocket only, are refused with a message naming graphql-ws at /graphql.
 */
import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { servedOperationTypes } from "../../src/http/operationTypes.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";

const messagesOf = (sdl: string, query: string) =>
  validate(buildSchema(sdl), parse(query), [...specifiedRules, servedOperationTypes]).map((error) => error.message);

describe("servedOperationTypes", () => {
  it("refuses a subscription with graphql-js's message while no Subscription type is served", () => {
    expect(messagesOf("type Query { a: Int }", "subscription { a }")).toContain(
      "Schema is not configured to execute subscription operation.",
    );
    expect(messagesOf("type Query { a: Int }", "mutation { a }")).toContain("Schema is not configured to execute mutation operation.");
  });

  it("refuses a subscription over HTTP naming graphql-ws at /graphql once subscriptions are served", () => {
    const messages = messagesOf(loadTypeDefs(), "subscription { eventsChanged { kind } }");
    expect(messages).toEqual([
      "Subscription operations are not served over HTTP: open a WebSocket to /graphql with the graphql-ws protocol (graphql-transport-ws) and subscribe there.",
    ]);
  });

  it("lets queries through", () => {
    expect(messagesOf(loadTypeDefs(), "{ viewer { role } }")).toEqual([]);
  });
});
