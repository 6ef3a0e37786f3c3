/**
 * The out-of-the-box peer's side of the workload ("library, out of the box"): the GraphQL a user of the Neo4j
 * GraphQL Library sends when they use what the library generates and nothing else (its filters, sort, limit and
 * connections; no @cypher), and how its responses become the canonical answers of workload.ts.
 *
 * The generated filters have no variable-length paths, so ancestor and part-of chains are nested fields, and
 * "inside the province" is a filter nested one level per generation: both go as deep as the generated graph does
 * (locality -> district -> province -> country), so the answers are the same as with unbounded paths.
 * Q5 is missing: the generated schema cannot group by month (the tuned peer does it with @cypher).
 */
import {
  chainIds,
  type Contender,
  graphqlData,
  graphqlRequest,
  type Params,
  type Q1Event,
  type Q2Event,
  SEARCH_PAGE,
} from "../workload.js";
import { luceneQuery, searchWords } from "../../src/model/search.js";

// Our tie-break (id) after the date, so that pages agree event by event.
const newestFirst = "[{ date: DESC }, { id: DESC }]";

// Nested lists in ours' order (workload.ts). Chains nested one level per generation are nearest first already.
export const placesByName = "[{ name: ASC }, { id: ASC }]";
export const participantsByRole = "[{ edge: { role: ASC } }, { node: { name: ASC } }, { node: { id: ASC } }]";

const Q1 = `query Q1 {
  events(sort: ${newestFirst}, limit: 20) {
    id title date
    places(sort: ${placesByName}) { id name within { id within { id within { id } } } }
    participantsConnection(sort: ${participantsByRole}) {
      edges { properties { role } node { id name partOf { id partOf { id partOf { id partOf { id } } } } } }
    }
  }
}`;

const Q2 = `query Q2($id: ID!) {
  events(where: { id: { eq: $id } }) {
    id title
    statements(sort: [{ sortDate: ASC }, { id: ASC }]) { id stance text spokenBy { id } }
    claims(sort: [{ kind: ASC }, { id: ASC }]) {
      id kind text low high qualifier
      assertedBy { id }
      evidenceConnection(sort: [{ node: { id: ASC } }, { edge: { start: ASC } }]) { edges { properties { start end quote } node { id } } }
    }
  }
}`;

/** The province itself or a place one or two generations below it (districts, localities); dates inclusive. */
const inProvince = `{
  date: { gte: $from, lte: $to }
  places: { some: { OR: [
    { id: { eq: $province } }
    { within: { some: { id: { eq: $province } } } }
    { within: { some: { within: { some: { id: { eq: $province } } } } } }
  ] } }
}`;

// The documented way to a page with hasNextPage. Its Cypher collects and counts every match before sorting and
// cutting the page; the tuned peer asks for 21 events instead.
const Q3 = `query Q3($province: ID!, $from: Date!, $to: Date!) {
  eventsConnection(where: ${inProvince}, sort: ${newestFirst}, first: 20) {
    edges { node { id } }
    pageInfo { hasNextPage }
  }
}`;

// The generated full-text query over the shared index, with our server's Lucene query, by score then id. It cannot
// put an exactly named place first (ours and the tuned peer do): where Lucene's score already does, answers agree.
const Q4 = `query Q4($phrase: String!) {
  placesByName(phrase: $phrase, sort: [{ score: DESC }, { node: { id: ASC } }], first: ${SEARCH_PAGE}) {
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

const provinceVariables = (params: Params) => ({ province: params.provinceId, from: params.from, to: params.to });

export const peer: Contender = {
  Q1: {
    request: () => graphqlRequest(Q1),
    answer(body) {
      const events = graphqlData(body).events as Q1Node[];
      return events.map((event): Q1Event => ({
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
      }));
    },
  },
  Q2: {
    request: (params) => graphqlRequest(Q2, { id: params.eventId }),
    answer(body) {
      const event = (graphqlData(body).events as Q2Node[])[0];
      if (event === undefined) return null;
      return {
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
      };
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
    request: (params) => graphqlRequest(Q4, { phrase: luceneQuery(searchWords(params.placeName)) ?? "" }),
    answer(body) {
      const hits = graphqlData(body).placesByName as { edges: { node: Ids }[] };
      return { ids: hits.edges.map((edge) => edge.node.id) };
    },
  },
  Q6: {
    request: (params) => graphqlRequest(Q6, provinceVariables(params)),
    answer: (body) => ({ totalCount: (graphqlData(body).eventsConnection as { totalCount: number }).totalCount }),
  },
};
