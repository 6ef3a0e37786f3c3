/** graph/cycles.ts: the rule that breaks stored cycles, which the repair command and the export share. */
import { describe, expect, it } from "vitest";
import { cycleBreaks } from "../../src/graph/cycles.js";

const link = (child: string, parent: string) => ({ child, parent });

describe("cycleBreaks", () => {
  it("finds none in a tree or a graph with shared parents", () => {
    expect(cycleBreaks([link("a", "b"), link("b", "c"), link("d", "b"), link("a", "e"), link("e", "c")])).toEqual([]);
  });

  it("removes, of each cycle, the link out of the node whose id sorts last", () => {
    expect(cycleBreaks([link("x", "y"), link("y", "x"), link("u", "x")])).toEqual([{ removed: link("y", "x"), cycle: ["x", "y", "x"] }]);
    expect(cycleBreaks([link("b", "c"), link("c", "a"), link("a", "b")])).toEqual([
      { removed: link("c", "a"), cycle: ["a", "b", "c", "a"] },
    ]);
    expect(cycleBreaks([link("s", "s")])).toEqual([{ removed: link("s", "s"), cycle: ["s", "s"] }]);
  });

  it("breaks overlapping cycles one after the other, until none is left, the same way whatever the order of the links", () => {
    const links = [link("a", "b"), link("b", "a"), link("b", "c"), link("c", "a"), link("c", "d"), link("d", "c")];
    const breaks = cycleBreaks(links);
    expect(breaks).toEqual(cycleBreaks([...links].reverse()));
    const left = links.filter(
      (candidate) => !breaks.some(({ removed }) => removed.child === candidate.child && removed.parent === candidate.parent),
    );
    expect(cycleBreaks(left)).toEqual([]);
    expect(breaks.map(({ removed }) => removed)).toEqual([link("b", "a"), link("c", "a"), link("d", "c")]);
  });

  it("walks a chain of 50,000 without running out of stack, and closes it with one removal", () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${String(i).padStart(6, "0")}`);
    const chain = ids.map((id, i) => link(id, ids[(i + 1) % ids.length]!));
    const breaks = cycleBreaks(chain);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!.removed).toEqual(link(ids.at(-1)!, ids[0]!));
    expect(breaks[0]!.cycle).toHaveLength(50_001);
  });
});
