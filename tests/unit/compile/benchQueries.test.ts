/**
 * The compiled-Cypher tier (in the spirit of the Neo4j GraphQL Library's TCK): GraphQL in, the statement and its
 * parameters out, with no database. These are the benchmark's queries Q1–Q3 (bench/ours.ts), whose statements the
 * targets of issue 25 measure.
 */
import { describe, expect, it } from "vitest";
import { Q1, Q2, Q3 } from "../../../bench/ours.js";
import { compiled } from "../../helpers/compiled.js";

describe("Q1: a page of 20 events with places, ancestors, participants and part-of chains", () => {
  const statement = compiled(Q1).events!;

  it("is one statement that projects the page alone, after cutting it, with only the selected keys", () => {
    expect(statement.cypher).toMatchInlineSnapshot(`
      "// eventsPage


      CALL () {
        MATCH (e:Event)
        WHERE e.date IS NOT NULL
        WITH DISTINCT e
        ORDER BY e.date DESC, e.id DESC
        LIMIT $pageLimit
        WITH collect(e) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS e
          CALL (e) {
        CALL (e) {
          MATCH (e)-[:OCCURRED_IN]->(m_0:Place) RETURN m_0 ORDER BY m_0.name, m_0.id
        }
        CALL (m_0) {
        CALL (m_0) {
          MATCH path_1 = (m_0)-[:WITHIN*1..8]->(m_1:Place) WHERE m_1 <> m_0
            WITH m_1, length(path_1) AS hops_1
            WITH m_1, min(hops_1) AS depth_1 ORDER BY depth_1 RETURN m_1
        }
        
        RETURN collect(m_1 {\`id\`: m_1.id}) AS list_1
      }
        RETURN collect(m_0 {\`id\`: m_0.id, \`name\`: m_0.name, \`ancestors\`: list_1}) AS list_0
      }
      CALL (e) {
        CALL (e) {
          MATCH (e)<-[r_2:PARTICIPATED_IN]-(m_2:Actor) WHERE $read0.role IS NULL OR r_2.role = $read0.role
            RETURN m_2, r_2.role AS datum_2 ORDER BY r_2.role, m_2.name, m_2.id
        }
        CALL (m_2) {
        CALL (m_2) {
          MATCH path_3 = (m_2)-[:PART_OF*1..8]->(m_3:Actor) WHERE m_3 <> m_2
            WITH m_3, length(path_3) AS hops_3
            WITH m_3, min(hops_3) AS depth_3 ORDER BY depth_3, m_3.name RETURN m_3
        }
        
        RETURN collect(m_3 {\`id\`: m_3.id}) AS list_3
      }
        RETURN collect({\`role\`: datum_2, \`actor\`: m_2 {\`id\`: m_2.id, \`name\`: m_2.name, \`partOf\`: list_3}}) AS list_2
      }
          RETURN collect(e {\`id\`: e.id, \`title\`: e.title, \`date\`: toString(e.date), \`places\`: list_0, \`participants\`: list_2}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN null AS total, items, more, false AS behindCursor"
    `);
    expect(statement.params).toMatchInlineSnapshot(`
      {
        "pageLimit": Integer {
          "high": 0,
          "low": 21,
        },
        "pageSize": Integer {
          "high": 0,
          "low": 20,
        },
        "read0": {
          "role": null,
        },
      }
    `);
  });

  it("reads no whole node and no property that is not selected", () => {
    expect(statement.cypher).not.toMatch(/\{\.\*\}|\.summary|\.text|\.aliases|fatalities/);
    expect(statement.cypher).not.toMatch(/AS key/);
  });
});

describe("Q2: an event by id with statements, claims, estimates and evidence", () => {
  const statement = compiled(Q2, { id: "event:x" }).event!;

  it("is one statement, the id a parameter", () => {
    expect(statement.cypher).toMatchInlineSnapshot(`
      "// nodeAhead
            MATCH (n:Event {id: $id})
            CALL (n) {
        CALL (n) {
          MATCH (n)<-[:ABOUT]-(m_0:Statement) WHERE $read0.stance IS NULL OR m_0.stance = $read0.stance
            RETURN m_0 ORDER BY m_0.sortDate, m_0.id
        }
        CALL (m_0) {
        CALL (m_0) {
          MATCH (m_0)-[:SPOKEN_BY]->(m_1:Actor) RETURN m_1
        }
        
        RETURN collect(m_1 {\`id\`: m_1.id}) AS list_1
      }
        RETURN collect(m_0 {\`id\`: m_0.id, \`stance\`: m_0.stance, \`text\`: m_0.text, \`speaker\`: head(list_1)}) AS list_0
      }
      CALL (n) {
        CALL (n) {
          MATCH (n)<-[:ABOUT]-(m_2:Claim) RETURN m_2 ORDER BY m_2.kind, m_2.id
        }
        CALL (m_2) {
        CALL (m_2) {
          MATCH (m_2)-[:ASSERTED_BY]->(m_3:Actor) RETURN m_3
        }
        
        RETURN collect(m_3 {\`id\`: m_3.id}) AS list_3
      }
      CALL (m_2) {
        CALL (m_2) {
          MATCH (m_2)-[r_4:EVIDENCED_BY]->(m_4:Source)
            RETURN m_4, {quote: r_4.quote, start: r_4.start, end: r_4.end} AS datum_4 ORDER BY m_4.id, r_4.start
        }
        
        RETURN collect({\`source\`: m_4 {\`id\`: m_4.id}, \`quote\`: datum_4.quote, \`start\`: datum_4.start, \`end\`: datum_4.end}) AS list_4
      }
        RETURN collect(m_2 {\`id\`: m_2.id, \`kind\`: m_2.kind, \`text\`: m_2.text, \`estimate\`: CASE WHEN m_2.qualifier IS NULL THEN null ELSE {\`low\`: CASE WHEN m_2.low > 2147483647 THEN 2147483647 ELSE m_2.low END, \`high\`: CASE WHEN m_2.high > 2147483647 THEN 2147483647 ELSE m_2.high END, \`qualifier\`: m_2.qualifier} END, \`assertedBy\`: head(list_3), \`evidence\`: list_4}) AS list_2
      }
            RETURN n {\`id\`: n.id, \`title\`: n.title, \`statements\`: list_0, \`claims\`: list_2} AS item"
    `);
    expect(statement.params).toEqual({ id: "event:x", read0: { stance: null } });
  });

  it("reads no source's text, since none is selected", () => {
    expect(statement.cypher).toMatch(/`source`: m_\d+ \{`id`: m_\d+\.id\}/);
    expect(statement.cypher).not.toMatch(/\{\.\*\}/);
  });
});

describe("Q3: events inside a province in a date range, the first page", () => {
  const statement = compiled(Q3, { place: "place:idlib", from: "2019-01-01", to: "2019-12-31" }).events!;

  it("returns ids and the next-page flag, and no anchor node as a key", () => {
    expect(statement.cypher).toMatchInlineSnapshot(`
      "// eventsPage


      CALL () {
        MATCH (e:Event)
        WHERE e.date IS NOT NULL
        WITH DISTINCT e
        ORDER BY e.date DESC, e.id DESC
        LIMIT $pageLimit
        WITH collect(e) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS e
          
          RETURN collect(e {\`id\`: e.id}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN null AS total, items, more, false AS behindCursor"
    `);
    expect(statement.params).toMatchInlineSnapshot(`
      {
        "pageLimit": Integer {
          "high": 0,
          "low": 21,
        },
        "pageSize": Integer {
          "high": 0,
          "low": 20,
        },
      }
    `);
  });
});
