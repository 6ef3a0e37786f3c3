/**
 * The reference server's side of the workload: the GraphQL an experienced user of the Neo4j GraphQL Library
 * would send for each question (one query each, with the library's filters, sort, limit and connections), and how
 * its responses become the canonical answers of workload.ts.
 *
 * The library has no variable-length paths, so ancestor and part-of chains are nested fields, and "inside the
 * province" is a filter nested one level per generation: both go deeper than the generated graph does
 * (locality -> district -> province -> country), so the answers are the same as with unbounded paths.
 * Q5 is missing: the library cannot group by month.
 *
 * The library reads a @fulltext index but never creates it: preparePeer does, once the graph is loaded.
 */
import type { Driver } from "neo4j-driver";
import {
  canonicalQ1,
  canonicalQ2,
  chainIds,
  type Contender,
  graphqlData,
  graphqlRequest,
  type Params,
  type Q1Event,
  type Q2Event,
} from "../workload.js";

// Our tie-break (id) after the date, so that pages agree event by event.
const newestFirst = "[{ date: DESC }, { id: DESC }]";

const Q1 = `query Q1 {
  events(sort: ${newestFirst}, limit: 20) {
    id title date
    places { id name within { id within { id within { id within { id } } } } }
    participantsConnection {
      edges { properties { role } node { id name partOf { id partOf { id partOf { id partOf { id } } } } } }
    }
  }
}`;

const Q2 = `query Q2($id: ID!) {
  events(where: { id: { eq: $id } }) {
    id title
    statements { id stance text spokenBy { id } }
    claims {
      id kind text low high qualifier
      assertedBy { id }
      evidenceConnection { edges { properties { start end quote } node { id } } }
    }
  }
}`;

/** The province itself or a place up to three generations below it; dates inclusive. */
const inProvince = `{
  date: { gte: $from, lte: $to }
  places: { some: { OR: [
    { id: { eq: $province } }
    { within: { some: { id: { eq: $province } } } }
    { within: { some: { within: { some: { id: { eq: $province } } } } } }
    { within: { some: { within: { some: { within: { some: { id: { eq: $province } } } } } } } }
  ] } }
}`;

// The documented way to a page with hasNextPage. Its Cypher collects and counts every match before sorting and
// cutting the page (events(limit: 21) would not), a cost the library's users pay; Q3 measures it as it is.
const Q3 = `query Q3($province: ID!, $from: Date!, $to: Date!) {
  eventsConnection(where: ${inProvince}, sort: ${newestFirst}, first: 20) {
    edges { node { id } }
    pageInfo { hasNextPage }
  }
}`;

// Lucene's score, then id as the tie-break. Our search puts an exact name first; with unique names (as generated)
// the shortest matching name, the exact one, also scores highest here.
const Q4 = `query Q4($phrase: String!) {
  placesByName(phrase: $phrase, sort: [{ score: DESC }, { node: { id: ASC } }], first: 1) {
    edges { node { id } }
  }
}`;

const Q6 = `query Q6($province: ID!, $from: Date!, $to: Date!) {
  eventsConnection(where: ${inProvince}) { totalCount }
}`;

interface Ids {
  id: string;
}

interface Q1Node {
  id: string;
  title: string;
  date: string;
  places: (Ids & { name: string })[];
  participantsConnection: { edges: { properties: { role: string }; node: Ids & { name: string } }[] };
}

interface Q2Node {
  id: string;
  title: string;
  statements: { id: string; stance: string; text: string; spokenBy: Ids[] }[];
  claims: {
    id: string;
    kind: string;
    text: string;
    low: number | null;
    high: number | null;
    qualifier: string | null;
    assertedBy: Ids[];
    evidenceConnection: { edges: { properties: { start: number; end: number; quote: string }; node: Ids }[] };
  }[];
}

/** What a search box would do with typed text: Lucene's operators are escaped, so they match literally. */
const lucenePhrase = (text: string): string => text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&");

const provinceVariables = (params: Params) => ({ province: params.provinceId, from: params.from, to: params.to });

export const peer: Contender = {
  Q1: {
    request: () => graphqlRequest(Q1),
    answer(body) {
      const events = graphqlData(body).events as Q1Node[];
      return canonicalQ1(
        events.map((event): Q1Event => ({
          id: event.id,
          title: event.title,
          date: event.date,
          places: event.places.map((place) => ({ id: place.id, name: place.name, ancestors: chainIds(place, "within") })),
          participants: event.participantsConnection.edges.map(({ properties, node }) => ({
            role: properties.role,
            actorId: node.id,
            actorName: node.name,
            partOf: chainIds(node, "partOf"),
          })),
        })),
      );
    },
  },
  Q2: {
    request: (params) => graphqlRequest(Q2, { id: params.eventId }),
    answer(body) {
      const event = (graphqlData(body).events as Q2Node[])[0];
      if (event === undefined) return null;
      return canonicalQ2({
        id: event.id,
        title: event.title,
        statements: event.statements.map((statement) => ({
          id: statement.id,
          stance: statement.stance,
          text: statement.text,
          speakerId: statement.spokenBy[0]?.id ?? "",
        })),
        claims: event.claims.map((claim): Q2Event["claims"][number] => ({
          id: claim.id,
          kind: claim.kind,
          text: claim.text,
          // The library returns the stored properties; a claim without a qualifier has no estimate.
          estimate: claim.qualifier === null ? null : { low: claim.low, high: claim.high, qualifier: claim.qualifier },
          assertedById: claim.assertedBy[0]?.id ?? null,
          evidence: claim.evidenceConnection.edges.map(({ properties, node }) => ({
            sourceId: node.id,
            quote: properties.quote,
            start: properties.start,
            end: properties.end,
          })),
        })),
      });
    },
  },
  Q3: {
    request: (params) => graphqlRequest(Q3, provinceVariables(params)),
    answer(body) {
      const events = graphqlData(body).eventsConnection as { edges: { node: Ids }[]; pageInfo: { hasNextPage: boolean } };
      return { ids: events.edges.map((edge) => edge.node.id), hasNextPage: events.pageInfo.hasNextPage };
    },
  },
  Q4: {
    request: (params) => graphqlRequest(Q4, { phrase: lucenePhrase(params.placeName) }),
    answer(body) {
      const hits = graphqlData(body).placesByName as { edges: { node: Ids }[] };
      return { top: hits.edges[0]?.node.id ?? null };
    },
  },
  Q6: {
    request: (params) => graphqlRequest(Q6, provinceVariables(params)),
    answer: (body) => ({ totalCount: (graphqlData(body).eventsConnection as { totalCount: number }).totalCount }),
  },
};

/** Must match `indexName` of the @fulltext directive on Place in typeDefs.graphql. */
export const placeNameIndex = "peerPlaceName";

/** Creates the full-text index on place names Q4 searches, unless it exists, and waits until it is online. */
export async function preparePeer(driver: Driver): Promise<void> {
  // Index names cannot be parameters; this one is a constant.
  await driver.executeQuery(`// createPeerPlaceNameIndex
    CREATE FULLTEXT INDEX ${placeNameIndex} IF NOT EXISTS FOR (n:Place) ON EACH [n.name]`);
  // Populating reads every place; until it is online, searches miss places.
  await driver.executeQuery(
    `// awaitPeerPlaceNameIndex
    CALL db.awaitIndex($name, $seconds)`,
    { name: placeNameIndex, seconds: 600 },
  );
}
