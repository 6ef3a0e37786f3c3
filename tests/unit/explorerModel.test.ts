import { describe, expect, it } from "vitest";
import { distinctNames, membershipChains, nameText, type Membership, type NodeSummary } from "../../web/client/explorer/model.js";

const body = (id: string, partOf: string[] = []): Membership => ({
  id,
  name: id.toUpperCase(),
  partOf: partOf.map((parent) => ({ id: parent })),
});
const ids = (chains: Membership[][]): string[][] => chains.map((chain) => chain.map((link) => link.id));

describe("membershipChains", () => {
  it("follows direct parents from the nearest body up to one that belongs to nothing", () => {
    // A unit in a force in a state: the unit's partOf is transitive, nearest first.
    expect(ids(membershipChains([body("force", ["state"]), body("state")]))).toEqual([["force", "state"]]);
  });

  it("gives an actor in two bodies one chain per body, and a shared ancestor in each", () => {
    const partOf = [body("ministry", ["state"]), body("coalition"), body("state")];
    expect(ids(membershipChains(partOf))).toEqual([["ministry", "state"], ["coalition"]]);
    const diamond = [body("left", ["top"]), body("right", ["top"]), body("top")];
    expect(ids(membershipChains(diamond))).toEqual([
      ["left", "top"],
      ["right", "top"],
    ]);
  });

  it("skips a shortcut to a body that a nearer one already belongs to", () => {
    // The unit is linked to the state directly as well as through its force: one chain, through the force.
    expect(ids(membershipChains([body("force", ["state"]), body("state")]))).toEqual([["force", "state"]]);
  });

  it("shows bodies that form a cycle as the list given, nearest first, instead of following it", () => {
    expect(ids(membershipChains([body("a", ["b"]), body("b", ["a"])]))).toEqual([["a", "b"]]);
    expect(ids(membershipChains([body("a", ["b", "c"]), body("b", ["c"]), body("c", ["b"])]))).toEqual([["a"]]);
  });

  it("is empty for an actor that belongs to nothing", () => {
    expect(membershipChains([])).toEqual([]);
  });
});

describe("distinctNames", () => {
  const place = (id: string, name: string, placeKind: string, parent?: string): NodeSummary => ({
    __typename: "Place",
    id,
    name,
    placeKind,
    parent: parent === undefined ? null : { name: parent },
  });

  it("always gives a place its kind and the place enclosing it", () => {
    const names = distinctNames([place("place:city", "Idleb", "CITY", "Idleb District"), place("place:syria", "Syria", "COUNTRY")]);
    expect(nameText(names.get("place:city")!)).toBe("\u2068Idleb\u2069 (city, Idleb District)");
    expect(names.get("place:syria")).toEqual({ name: "Syria", qualifier: "country" });
  });

  it("tells apart nodes of other types only when they share a name, and adds the id when nothing else differs", () => {
    const names = distinctNames([
      { __typename: "Actor", id: "actor:syria", name: "Syria" },
      place("place:syria", "Syria", "COUNTRY"),
      { __typename: "Actor", id: "actor:russia", name: "Russia" },
      place("place:a", "Idleb", "CITY", "Idleb"),
      place("place:b", "Idleb", "CITY", "Idleb"),
    ]);
    expect(names.get("actor:syria")?.qualifier).toBe("actor");
    expect(names.get("place:syria")?.qualifier).toBe("country");
    expect(names.get("actor:russia")?.qualifier).toBeNull();
    expect(names.get("place:a")?.qualifier).toBe("city, Idleb, place:a");
    expect(names.get("place:b")?.qualifier).toBe("city, Idleb, place:b");
  });
});
