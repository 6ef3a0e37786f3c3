/** The explorer's scene (web/client/explorer/scene.ts): tolls and degrees, sizes, sorting, CSV, file names. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  buildScene,
  csvField,
  edgesCsv,
  eventToll,
  MAX_TOLL_SIZE,
  MIN_TOLL_SIZE,
  nodesCsv,
  sceneFileName,
  sceneJson,
  sortedEdges,
  sortedNodes,
  tollSize,
} from "../../web/client/explorer/scene.js";

const node = (id: string, type: "Actor" | "Place" | "Event" | "Source", ownToll: number | null = null) => ({
  id,
  type,
  name: id.toUpperCase(),
  qualifier: null,
  ownToll,
});

describe("the explorer's scene", () => {
  it("takes an event's best estimate, else its lowest figure", () => {
    expect(eventToll({ best: 12, low: 10 })).toBe(12);
    expect(eventToll({ best: null, low: 10 })).toBe(10);
    expect(eventToll({ best: null, low: null })).toBeNull();
    expect(eventToll(null)).toBeNull();
  });

  it("sums an actor's and a place's linked events once each, counts degrees, and keeps only edges between shown nodes", () => {
    const scene = buildScene(
      [node("a", "Actor"), node("p", "Place"), node("e1", "Event", 39), node("e2", "Event", 4), node("e3", "Event"), node("s", "Source")],
      [
        { from: "a", type: "PARTICIPATED_IN", role: "PERPETRATOR", to: "e1" },
        // The same actor and event in a second role: the event still counts once.
        { from: "a", type: "PARTICIPATED_IN", role: "TARGET", to: "e1" },
        { from: "a", type: "PARTICIPATED_IN", role: "PERPETRATOR", to: "e2" },
        { from: "e1", type: "OCCURRED_IN", role: null, to: "p" },
        { from: "e3", type: "OCCURRED_IN", role: null, to: "p" },
        { from: "s", type: "REPORTS", role: null, to: "e3" },
        { from: "a", type: "PARTICIPATED_IN", role: null, to: "hidden-event" },
      ],
    );
    const byId = new Map(scene.nodes.map((entry) => [entry.id, entry]));
    expect(byId.get("a")).toMatchObject({ toll: 43, degree: 3 });
    expect(byId.get("p")).toMatchObject({ toll: 39, degree: 2 });
    expect(byId.get("e1")).toMatchObject({ toll: 39, degree: 3 });
    expect(byId.get("e3")).toMatchObject({ toll: null, degree: 2 });
    expect(byId.get("s")).toMatchObject({ toll: null, degree: 1 });
    expect(scene.edges).toHaveLength(6);
    expect(scene.nodes[0]).not.toHaveProperty("ownToll");
  });

  it("gives node areas in proportion to tolls, with a floor for nodes without one", () => {
    const largest = tollSize(100, 100);
    const quarter = tollSize(25, 100);
    expect(largest).toBe(MAX_TOLL_SIZE);
    expect((quarter / largest) ** 2).toBeCloseTo(0.25);
    expect(tollSize(null, 100)).toBe(MIN_TOLL_SIZE);
    expect(tollSize(0, 100)).toBe(MIN_TOLL_SIZE);
    expect(tollSize(0.001, 100)).toBe(MIN_TOLL_SIZE);
  });

  it("sorts by numbers as numbers with unknown tolls last, and by text, either way", () => {
    const scene = buildScene([node("b", "Event", 9), node("a", "Event", 100), node("c", "Event")], []);
    expect(sortedNodes(scene.nodes, "toll", "ascending").map((entry) => entry.id)).toEqual(["b", "a", "c"]);
    expect(sortedNodes(scene.nodes, "toll", "descending").map((entry) => entry.id)).toEqual(["a", "b", "c"]);
    expect(sortedNodes(scene.nodes, "name", "descending").map((entry) => entry.id)).toEqual(["c", "b", "a"]);
    const edges = [
      { from: "x", type: "B", role: null, to: "y" },
      { from: "y", type: "A", role: null, to: "x" },
    ];
    expect(sortedEdges(edges, "type", "ascending", (id) => id).map((edge) => edge.type)).toEqual(["A", "B"]);
    expect(sortedEdges(edges, "from", "descending", (id) => id).map((edge) => edge.from)).toEqual(["y", "x"]);
  });

  it("writes CSV that a spreadsheet reads as text: formulas escaped, quotes doubled, numbers as numbers", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField("\uFF1D1")).toBe("'\uFF1D1");
    expect(csvField('say "no", then')).toBe('"say ""no"", then"');
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    const scene = buildScene(
      [{ ...node("e", "Event", 7), name: '=cmd|" /C calc"!A0, market' }, node("p", "Place")],
      [{ from: "e", type: "OCCURRED_IN", role: null, to: "p" }],
    );
    const rows = parse<Record<string, string>>(nodesCsv(scene), { columns: true });
    expect(rows).toEqual([
      { id: "e", type: "Event", name: `'=cmd|" /C calc"!A0, market`, qualifier: "", toll: "7", degree: "1" },
      { id: "p", type: "Place", name: "P", qualifier: "", toll: "7", degree: "1" },
    ]);
    expect(nodesCsv(scene).split("\r\n")).toHaveLength(4);
    expect(parse(edgesCsv(scene), { columns: true })).toEqual([{ from: "e", type: "OCCURRED_IN", role: "", to: "p" }]);
    expect(JSON.parse(sceneJson(scene, "e"))).toEqual({ focused: "e", nodes: scene.nodes, edges: scene.edges });
  });

  it("names downloads after the focused node and the day", () => {
    const day = new Date("2026-12-07T10:00:00Z");
    expect(sceneFileName("place:maarat-al-numan", day, "-nodes.csv")).toBe("conflict-graph-place-maarat-al-numan-2026-12-07-nodes.csv");
    expect(sceneFileName(null, day, ".png")).toBe("conflict-graph-scene-2026-12-07.png");
    expect(sceneFileName("../../etc/passwd", day, ".json")).toBe("conflict-graph-etc-passwd-2026-12-07.json");
    expect(sceneFileName(`actor:${"x".repeat(100)}`, day, ".png")).toMatch(/^conflict-graph-actor-x{54}-2026-12-07\.png$/);
  });
});
