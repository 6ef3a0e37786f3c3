import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/model/dates.js";
import { combineEstimates } from "../../src/model/estimates.js";
import { eventAggregates, responsibilityContested } from "../../src/model/eventAggregates.js";
import { expectId, labelByPrefix, parseId, type IdPrefix } from "../../src/model/ids.js";
import { decodeCursor, encodeCursor, pageRequest } from "../../src/model/pagination.js";
import { luceneQuery, MAX_SEARCH_WORDS, nameSimilarity, rankCandidates, searchWords } from "../../src/model/search.js";
import { counted, normalizeName, withArticle } from "../../src/model/text.js";
import { queryName } from "../../src/db/executor.js";

describe("normalizeName", () => {
  it("ignores case, diacritics and transliteration apostrophes", () => {
    const forms = ["Ma'arrat al-Nu'man", "MAARRAT AL-NUMAN", "Maʿarrat al-Nuʿmān", "maarrat al numan"];
    expect(new Set(forms.map(normalizeName))).toEqual(new Set(["maarrat al numan"]));
  });
});

describe("luceneQuery", () => {
  const lucene = (input: string) => luceneQuery(searchWords(input));

  it("makes every long word fuzzy, boosts the phrase and requires a word to match", () => {
    expect(lucene("Saraqeb market")).toBe('"saraqeb market"^4 +(saraqeb^2 market^2 saraqeb~1 market~1)');
  });

  it("does not let the Arabic article alone make a match, unless it is all there is", () => {
    expect(lucene("Ma'arrat al-Nu'man")).toBe('"maarrat al numan"^4 +(maarrat^2 numan^2 maarrat~1 numan~1)');
    expect(lucene("al")).toBe("+(al^2)");
  });

  it("cannot be steered by Lucene operators in the input", () => {
    // Operators become plain lowercase words (Lucene's operators are upper case) and symbols vanish.
    expect(lucene('name:x OR *:* AND "')).toBe('"name x or and"^4 +(name^2 x^2 or^2 and^2 name~1)');
    expect(lucene("  ''  ")).toBeNull();
    expect(lucene("\u0000\u0301\u202e")).toBeNull();
  });

  it("uses at most MAX_SEARCH_WORDS words, however far normalisation expands the input", () => {
    // U+FDFA expands to four Arabic words under NFKD: 200 of them would be 800 words.
    const words = searchWords("\uFDFA".repeat(200));
    expect(words).toHaveLength(MAX_SEARCH_WORDS);
    const query = luceneQuery(words)!;
    // The phrase, then one boosted and one fuzzy clause per distinct word.
    expect(query.match(/\^2/g)).toHaveLength(new Set(words).size);
  });
});

describe("search ranking", () => {
  it("scores a whole name above a longer name containing it, and a spelling variant as the name", () => {
    expect(nameSimilarity("saraqib", ["saraqib", "saraqeb"])).toBe(1);
    expect(nameSimilarity("saraqeb", ["saraqib"])).toBe(1);
    expect(nameSimilarity("sarakib", ["saraqib"])).toBeGreaterThan(nameSimilarity("sarakib", ["saraqib market", "saraqib marketplace"]));
    expect(nameSimilarity("maarrat al numan", ["al kabina", "kabana"])).toBeLessThan(0.5);
    // Text far longer than the search is no spelling of it.
    expect(nameSimilarity("idlib", ["airstrikes in idlib province on 23 july 2019"])).toBe(0);
  });

  it("ranks by name first, then by the index's score, ties by id", () => {
    const candidates = [
      { id: "place:market", item: "market", score: 9, names: ["saraqib market"] },
      { id: "place:town", item: "town", score: 3, names: ["saraqib"] },
      { id: "event:b", item: "b", score: 5, names: ["a long event title about saraqib"] },
      { id: "event:a", item: "a", score: 5, names: ["a long event title about saraqib"] },
    ];
    expect(rankCandidates("sarakib", candidates, 10).map((hit) => hit.item)).toEqual(["town", "market", "a", "b"]);
    expect(rankCandidates("sarakib", candidates, 1).map((hit) => hit.item)).toEqual(["town"]);
  });
});

describe("dates", () => {
  it("accepts real days and refuses impossible ones", () => {
    expect(isCalendarDate("2019-07-22")).toBe(true);
    expect(isCalendarDate("2020-02-29")).toBe(true);
    expect(isCalendarDate("2019-02-29")).toBe(false);
    expect(isCalendarDate("2019-13-01")).toBe(false);
    expect(isCalendarDate("22/07/2019")).toBe(false);
  });
});

describe("combineEstimates", () => {
  it("keeps the lowest figure and never adds sources together", () => {
    const combined = combineEstimates([
      { low: 39, high: 39, qualifier: "EXACT" },
      { low: 38, high: 39, qualifier: "RANGE" },
      { low: 35, high: 37, qualifier: "RANGE" },
    ]);
    expect(combined).toEqual({ low: 35, high: 39, qualifier: "RANGE" });
  });
  it("leaves the upper bound open when any source says 'at least'", () => {
    expect(
      combineEstimates([
        { low: 39, high: 39, qualifier: "EXACT" },
        { low: 43, high: null, qualifier: "AT_LEAST" },
      ]),
    ).toEqual({
      low: 39,
      high: null,
      qualifier: "AT_LEAST",
    });
  });
  it("ignores reports without a figure unless nothing else is known", () => {
    expect(
      combineEstimates([
        { low: 7, high: null, qualifier: "AT_LEAST" },
        { low: null, high: null, qualifier: "UNKNOWN" },
      ]),
    ).toEqual({
      low: 7,
      high: null,
      qualifier: "AT_LEAST",
    });
    expect(combineEstimates([])).toBeNull();
  });
});

describe("eventAggregates", () => {
  const claim = (kind: string, low: number | null, high: number | null, qualifier: string | null, disputed = false) => ({
    kind,
    low,
    high,
    qualifier,
    disputed,
  });

  it("combines each kind's figures apart and skips claims that give none", () => {
    const aggregates = eventAggregates({
      claims: [
        claim("FATALITIES", 39, 39, "EXACT"),
        claim("FATALITIES", 43, null, "AT_LEAST"),
        claim("FATALITIES", null, null, null),
        claim("INJURIES", 12, 20, "RANGE"),
      ],
      stances: [],
    });
    expect(aggregates).toMatchObject({
      fatalitiesLow: 39,
      fatalitiesHigh: null,
      fatalitiesQualifier: "AT_LEAST",
      injuriesLow: 12,
      injuriesHigh: 20,
      injuriesQualifier: "RANGE",
      contested: false,
    });
  });

  it("calls responsibility contested when a claim of who did it is disputed or a statement denies, and only then", () => {
    expect(responsibilityContested({ claims: [claim("PERPETRATOR", null, null, null, true)], stances: [] })).toBe(true);
    expect(responsibilityContested({ claims: [], stances: ["CONDEMN", "DENY"] })).toBe(true);
    expect(responsibilityContested({ claims: [claim("FATALITIES", 3, 3, "EXACT", true)], stances: ["ACCUSE"] })).toBe(false);
    expect(responsibilityContested({ claims: [claim("PERPETRATOR", null, null, null)], stances: [] })).toBe(false);
  });
});

describe("ids", () => {
  it("parses type-prefixed slugs and refuses anything else", () => {
    expect(parseId("place:maarat-al-numan")?.label).toBe("Place");
    expect(parseId("event:SYR12345")?.label).toBe("Event");
    expect(parseId("4:abc:12")).toBeNull();
    expect(parseId("planet:mars")).toBeNull();
    expect(() => expectId("place:x", "actor", "id")).toThrow('id must be an actor id (actor:<slug>), got "place:x".');
  });

  // Every message built from an id's type names it with its article; a new type needs its phrase here.
  const phrases: Record<IdPrefix, string> = {
    actor: "an actor id",
    agreement: "an agreement id",
    claim: "a claim id",
    event: "an event id",
    place: "a place id",
    source: "a source id",
    statement: "a statement id",
    incident: "an incident id",
  };
  it.each(Object.keys(labelByPrefix) as IdPrefix[])("names a %s id with the right article", (prefix) => {
    const other = prefix === "place" ? "event:x" : "place:x";
    expect(() => expectId(other, prefix, "id")).toThrow(`id must be ${phrases[prefix]} (`);
  });
});

describe("message wording", () => {
  it("puts the right article before a noun and the right number after a count", () => {
    expect([withArticle("event"), withArticle("place"), withArticle("agreement")]).toEqual(["an event", "a place", "an agreement"]);
    expect([counted(1, "row"), counted(2, "row"), counted(1_200, "bundle"), counted(0, "problem")]).toEqual([
      "1 row",
      "2 rows",
      "1,200 bundles",
      "0 problems",
    ]);
  });
});

describe("cursors and page arguments", () => {
  it("round-trips a position and refuses cursors of another ordering", () => {
    const cursor = encodeCursor({ order: "DATE_DESC", key: "2019-07-22", id: "event:a" });
    expect(decodeCursor(cursor, "DATE_DESC", "after")).toEqual({ order: "DATE_DESC", key: "2019-07-22", id: "event:a" });
    expect(() => decodeCursor(cursor, "DATE_ASC", "after")).toThrow(/another ordering/);
    expect(() => decodeCursor("not-a-cursor", "DATE_DESC", "after")).toThrow(/not a cursor/);
  });
  it("defaults to 20, caps at 100 and refuses mixed directions", () => {
    expect(pageRequest({}, "X")).toEqual({ direction: "forward", size: 20, cursor: null, parts: { total: true, items: true } });
    expect(() => pageRequest({ first: 101 }, "X")).toThrow(/first must be between 0 and 100/);
    expect(() => pageRequest({ last: -1 }, "X")).toThrow(/last must be between/);
    expect(() => pageRequest({ first: 2, last: 2 }, "X")).toThrow(/not both/);
  });
});

describe("queryName", () => {
  it("reads the leading name comment and insists on one", () => {
    expect(queryName("// eventsPage\nMATCH (e) RETURN e")).toBe("eventsPage");
    expect(() => queryName("MATCH (e) RETURN e")).toThrow(/name comment/);
  });
});
