/**
 * The public contract (tests/contract, vendored byte for byte from ../shared/contract) must stay a compatible
 * subset of what we serve: every type, field, argument and enum value a client of the contract may use exists here
 * with a compatible type.
 */
import { readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges, GraphQLObjectType, GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { loadTypeDefs } from "../../src/graphql/schema.js";

const contract = (...files: string[]) =>
  buildSchema(files.map((file) => readFileSync(new URL(`./${file}`, import.meta.url), "utf8")).join("\n"));

const contractFiles = ["core.graphql", "research.graphql", "write.graphql", "sources.graphql", "datasets.graphql", "space-time.graphql", "live.graphql"];

describe("our schema", () => {
  const ours = buildSchema(loadTypeDefs());

  it("is a compatible superset of the core, research, write, sources, datasets, space-time and live contracts", () => {
    expect(findBreakingChanges(contract(...contractFiles), ours)).toEqual([]);
  });

  it("would be caught dropping a write contract field (the check can fail)", () => {
    const mutation = ours.getMutationType()!.toConfig();
    const { importAcled: _dropped, ...fields } = mutation.fields;
    const config = ours.toConfig();
    const weakened = new GraphQLSchema({
      ...config,
      types: config.types.filter((type) => type.name !== "Mutation"),
      mutation: new GraphQLObjectType({ ...mutation, fields }),
    });
    const changes = findBreakingChanges(contract(...contractFiles), weakened);
    expect(changes.map((change) => change.description)).toContain("Mutation.importAcled was removed.");
  });
});
