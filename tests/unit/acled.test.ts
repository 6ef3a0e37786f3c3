import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { kindOfInter } from "../../src/ingest/acled/acledCodes.js";
import { acledDraft, slug } from "../../src/ingest/acled/acledDraft.js";
import { readAcled } from "../../src/ingest/acled/acledRows.js";
import { Pacer } from "../../src/pacer.js";
import { parseId } from "../../src/model/ids.js";
import { acledCsv, acledRecord, generatedAcled } from "../helpers/acled.js";

describe("ACLED codes", () => {
  it("map inter codes, as numbers or words, to actor kinds", () => {
    expect(kindOfInter("1")).toBe("ARMED_FORCE");
    expect(kindOfInter("Rebel group")).toBe("ARMED_GROUP");
    expect(kindOfInter("7")).toBe("CIVILIANS");
    expect(kindOfInter("")).toBeNull();
    expect(kindOfInter("9")).toBeUndefined();
  });
});

describe("readAcled and acledDraft", () => {
  it("turn a row into an event, a source, a claim, actors and a place chain with ids that are ids", async () => {
    const { rows, problems, count } = await readAcled(
      Readable.from([acledCsv([acledRecord("u1", { admin3: "Kafr Latah u1" })])]),
      new Pacer(),
    );
    expect(problems).toEqual([]);
    expect(count).toBe(1);
    const draft = await acledDraft(rows, new Pacer());
    for (const node of draft.nodes) expect(parseId(node.id), node.id).not.toBeNull();
    const places = draft.nodes.filter((node) => node.label === "Place").map((node) => [node.id, node.properties.kind]);
    expect(places).toEqual([
      ["place:testland-u1", "COUNTRY"],
      ["place:testland-u1.idleb-u1", "PROVINCE"],
      ["place:testland-u1.idleb-u1.ariha-u1", "DISTRICT"],
      ["place:testland-u1.idleb-u1.ariha-u1.kafr-latah-u1", "DISTRICT"],
      // The location shares its sub-district's name; the `~` keeps their ids apart.
      ["place:testland-u1.idleb-u1.ariha-u1.kafr-latah-u1~kafr-latah-u1", "TOWN"],
    ]);
    const claim = draft.nodes.find((node) => node.label === "Claim")!;
    const source = draft.nodes.find((node) => node.label === "Source")!;
    const [located] = claim.evidence.get(source.id)!;
    expect(String(source.properties.text).slice(located!.start, located!.end)).toBe("fatalities: 2");
    expect(source.properties.publishedOn).toBe("2021-03-18");
  });

  it("slug any name into an id, keeping its case-folded ASCII letters, or a hash when there are none", () => {
    expect(slug("Military Forces of Syria (2000-)")).toBe("military-forces-of-syria-2000");
    expect(slug("Ma'arrat an-Nu'mān")).toBe("maarrat-an-numan");
    expect(slug("حلب")).toMatch(/^h[0-9a-f]{10}$/);
  });

  it("read a generated file of any size with the same result each time", async () => {
    const csv = generatedAcled(300, "u2");
    expect(generatedAcled(300, "u2")).toBe(csv);
    const { rows, problems } = await readAcled(Readable.from([csv]), new Pacer());
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(300);
  });

  it("number every problem by data row from 1, a CSV syntax error too, however many lines a row spans", async () => {
    // Row 1 spans three lines of the file (notes with line breaks); row 2 has a bad date; row 3 breaks the CSV.
    const csv = acledCsv([
      acledRecord("u4", { notes: "First line\nsecond line\nthird line" }),
      acledRecord("u4", { event_id_cnty: "TSTu42", event_date: "someday" }),
    ]);
    const { problems, unreadable } = await readAcled(Readable.from([`${csv}"TSTu43,"unterminated\n`]), new Pacer());
    // The parser reads ahead, so rows before the broken one may go unchecked; the break itself is always named.
    expect(problems.at(-1)).toEqual({ path: "rows.3", message: expect.stringContaining("not valid CSV") });
    expect(unreadable).toBe(true);

    const readable = await readAcled(Readable.from([csv]), new Pacer());
    expect(readable.problems.map((problem) => problem.path)).toEqual(["rows.2.event_date"]);
    expect(readable.unreadable).toBe(false);
  });

  it("accept a byte-order mark, CRLF line ends and columns in any order", async () => {
    const record = acledRecord("u3");
    const columns = Object.keys(record).reverse();
    const { rows, problems } = await readAcled(Readable.from([`\uFEFF${acledCsv([record], columns)}`]), new Pacer());
    expect(problems).toEqual([]);
    expect(rows[0]?.eventId).toBe("TSTu31");
  });
});
