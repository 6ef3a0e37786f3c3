/**
 * Names and aliases have a documented maximum length (SECURITY.md), checked in validation before anything is
 * written; a value that still reaches a range index over Neo4j's entry size is BAD_USER_INPUT naming the field.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors.js";
import { graphQLErrorOf } from "../../src/http/errors.js";
import { MAX_NAME_LENGTH } from "../../src/model/text.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer, useTestDatabase } from "../helpers/server.js";
import { documentBundle, documentIds, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
const database = useTestDatabase();

const tooLong = "Ma'arrat ".repeat(1_200).trim();

async function stored(ids: readonly string[]): Promise<number> {
  const rows = await database.db.read("// countStored\nMATCH (n) WHERE n.id IN $ids RETURN count(n) AS count", { ids });
  return Number(rows[0]?.count);
}

describe("names and aliases", () => {
  it(`are refused over ${MAX_NAME_LENGTH} characters in a bundle, at their path, writing nothing`, async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    bundle.actors[0]!.name = tooLong;
    const withAlias = {
      ...bundle,
      places: [{ ...bundle.places[0]!, aliases: ["Hamadiya", "x".repeat(MAX_NAME_LENGTH + 1)] }, bundle.places[1]!],
    };
    const response = await importBundle(server, withAlias);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: expect.arrayContaining([
        { path: "actors.0.name", message: expect.stringContaining(String(MAX_NAME_LENGTH)) },
        { path: "places.0.aliases.1", message: expect.stringContaining(String(MAX_NAME_LENGTH)) },
      ]),
    });
    expect(await stored(documentIds(s))).toBe(0);
  });

  it(`are accepted at exactly ${MAX_NAME_LENGTH} characters, in any script`, async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    // Three bytes a UTF-16 unit in UTF-8, the most there is: the largest index entry a name can make.
    bundle.actors[0]!.name = "ﷺ".repeat(MAX_NAME_LENGTH);
    bundle.places[0]!.name = "ب".repeat(MAX_NAME_LENGTH);
    const response = await importBundle(server, bundle);
    expect(response.errors).toBeUndefined();
    expect(await stored(documentIds(s))).toBe(documentIds(s).length);
  });

  it("are refused over the limit in an ACLED row, naming the row and column", async () => {
    const s = uniqueSuffix();
    const csv = acledCsv([
      acledRecord(s),
      acledRecord(`${s}b`, { event_id_cnty: `TST${s}2`, actor1: tooLong, assoc_actor_2: `Farmers; ${"y".repeat(600)}` }),
    ]);
    const response = await importAcled(server, csv);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [
        { path: "rows.2.actor1", message: expect.stringContaining(String(MAX_NAME_LENGTH)) },
        { path: "rows.2.assoc_actor_2", message: expect.stringContaining(String(MAX_NAME_LENGTH)) },
      ],
    });
    expect(await stored([`event:acled-TST${s}1`, `event:acled-TST${s}2`])).toBe(0);
  });
});

describe("Neo4j's range-index entry limit", () => {
  it("is BAD_USER_INPUT naming the label and property, should a value get past validation", async () => {
    const id = `actor:too-long-${uniqueSuffix()}`;
    const write = database.db.write((tx) =>
      tx.run("// createLongNamedActor\nCREATE (:Actor {id: $id, name: $name})", { id, name: "x".repeat(9_000) }),
    );
    const error: unknown = await write.catch((caught: unknown) => caught);
    // A domain error below the edge; the edge codes it for the client (http/errors.ts).
    expect(error).toBeInstanceOf(DomainError);
    expect(graphQLErrorOf(error as DomainError)).toMatchObject({
      message: expect.stringContaining("Actor.name is too long"),
      extensions: { code: "BAD_USER_INPUT", argument: "Actor.name" },
    });
    expect(await stored([id])).toBe(0);
  });
});
