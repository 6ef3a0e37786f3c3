import { describe, expect, it } from "vitest";
import type { PageRequest } from "../../src/model/pagination.js";
import { pagedListCypher, type Ordering } from "../../src/repositories/keyset.js";

const ordering: Ordering<{ id: string; date: string }> = {
  name: "DATE_DESC",
  key: "e.date",
  cursorKey: "date($cursorKey)",
  descending: true,
  keyOf: (row) => row.date,
  validKey: () => true,
};
const query = { name: "eventsPage", variable: "e", match: "MATCH (e:Event)", where: [], projection: "e {.*}" };
const request = (parts: PageRequest["parts"]): PageRequest => ({ direction: "forward", size: 20, cursor: null, parts });

describe("pagedListCypher", () => {
  it("counts every match only when totalCount is selected", () => {
    expect(pagedListCypher(query, ordering, request({ total: true, items: true })).cypher).toContain("count(DISTINCT e) AS total");
    const page = pagedListCypher(query, ordering, request({ total: false, items: true })).cypher;
    expect(page).not.toContain("count(");
    expect(page).toContain("null AS total");
    expect(page).toContain("LIMIT $pageLimit");
  });

  it("sorts no page when only totalCount is selected", () => {
    const count = pagedListCypher(query, ordering, request({ total: true, items: false })).cypher;
    expect(count).toContain("count(DISTINCT e) AS total");
    expect(count).not.toContain("ORDER BY");
    expect(count).toContain("[] AS items");
  });

  it("bounds a page after a cursor by a range the index can walk in order, and counts behind it only when asked", () => {
    const cursor = { order: "DATE_DESC", key: "2019-07-22", id: "event:a" };
    const after = pagedListCypher(query, ordering, { ...request({ total: false, items: true }), cursor }).cypher;
    expect(after).toContain("e.date <= date($cursorKey)");
    expect(after).toContain("(e.date < date($cursorKey) OR e.id < $cursorId)");
    expect(after).toContain("AS behindCursor");
    const forwardOnly = pagedListCypher(query, ordering, { ...request({ total: false, items: true, behind: false }), cursor }).cypher;
    expect(forwardOnly).not.toContain("count(");
    expect(forwardOnly).toContain("false AS behindCursor");
  });
});
