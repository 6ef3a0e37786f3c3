/**
 * Our server's side of the workload: the GraphQL a frontend would send to conflict-graph, and how its responses
 * become the canonical answers of workload.ts.
 */
import { type Answers, type Contender, graphqlData, graphqlRequest, type Q1Event, type Q2Event, SEARCH_PAGE } from "./workload.js";

export const Q1 = `query Q1 {
  events(first: 20) {
    edges { node {
      id title date
      places { id name ancestors { id } }
      participants { role actor { id name partOf { id } } }
    } }
  }
}`;

export const Q2 = `query Q2($id: ID!) {
  event(id: $id) {
    id title
    statements { id stance text speaker { id } }
    claims { id kind text estimate { low high qualifier } assertedBy { id } evidence { source { id } quote start end } }
  }
}`;

export const Q3 = `query Q3($place: ID!, $from: Date!, $to: Date!) {
  events(filter: { placeId: $place, from: $from, to: $to }, first: 20) {
    edges { node { id } }
    pageInfo { hasNextPage }
  }
}`;

const Q4 = `query Q4($text: String!) { search(query: $text, types: [PLACE], first: ${SEARCH_PAGE}) { node { id } } }`;

const Q5 = `query Q5($from: Date!, $to: Date!) {
  eventStats(groupBy: MONTH, filter: { from: $from, to: $to }) { key events fatalitiesLow fatalitiesHigh }
}`;

const Q6 = `query Q6($place: ID!, $from: Date!, $to: Date!) {
  events(filter: { placeId: $place, from: $from, to: $to }) { totalCount }
}`;

interface Q1Node {
  id: string;
  title: string;
  date: string;
  places: { id: string; name: string; ancestors: { id: string }[] }[];
  participants: { role: string; actor: { id: string; name: string; partOf: { id: string }[] } }[];
}

interface Q2Node extends Omit<Q2Event, "statements" | "claims"> {
  statements: { id: string; stance: string; text: string; speaker: { id: string } }[];
  claims: (Omit<Q2Event["claims"][number], "assertedById" | "evidence"> & {
    assertedBy: { id: string } | null;
    evidence: { source: { id: string }; quote: string; start: number; end: number }[];
  })[];
}

export const ours: Contender = {
  Q1: {
    request: () => graphqlRequest(Q1),
    answer(body) {
      const events = graphqlData(body).events as { edges: { node: Q1Node }[] };
      return events.edges.map(({ node }): Q1Event => ({
        id: node.id,
        title: node.title,
        date: node.date,
        places: node.places.map((place) => ({ id: place.id, name: place.name, ancestors: place.ancestors.map((a) => a.id) })),
        participants: node.participants.map((participant) => ({
          role: participant.role,
          actorId: participant.actor.id,
          actorName: participant.actor.name,
          partOf: participant.actor.partOf.map((a) => a.id),
        })),
      }));
    },
  },
  Q2: {
    request: (params) => graphqlRequest(Q2, { id: params.eventId }),
    answer(body) {
      const event = graphqlData(body).event as Q2Node | null;
      if (event === null) return null;
      return {
        id: event.id,
        title: event.title,
        statements: event.statements.map((s) => ({ id: s.id, stance: s.stance, text: s.text, speakerId: s.speaker.id })),
        claims: event.claims.map((claim) => ({
          id: claim.id,
          kind: claim.kind,
          text: claim.text,
          estimate: claim.estimate,
          assertedById: claim.assertedBy?.id ?? null,
          evidence: claim.evidence.map((e) => ({ sourceId: e.source.id, quote: e.quote, start: e.start, end: e.end })),
        })),
      };
    },
  },
  Q3: {
    request: (params) => graphqlRequest(Q3, { place: params.provinceId, from: params.from, to: params.to }),
    answer(body) {
      const events = graphqlData(body).events as { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
      return { ids: events.edges.map((edge) => edge.node.id), hasNextPage: events.pageInfo.hasNextPage };
    },
  },
  Q4: {
    request: (params) => graphqlRequest(Q4, { text: params.placeName }),
    answer(body) {
      const hits = graphqlData(body).search as { node: { id: string } }[];
      return { ids: hits.map((hit) => hit.node.id) };
    },
  },
  Q5: {
    request: (params) => graphqlRequest(Q5, { from: `${params.year}-01-01`, to: `${params.year}-12-31` }),
    answer: (body) => graphqlData(body).eventStats as Answers["Q5"],
  },
  Q6: {
    request: (params) => graphqlRequest(Q6, { place: params.provinceId, from: params.from, to: params.to }),
    answer: (body) => ({ totalCount: (graphqlData(body).events as { totalCount: number }).totalCount }),
  },
};
