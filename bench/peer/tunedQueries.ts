/**
 * The tuned peer's side of the workload ("library, tuned"): the GraphQL a competent user of @neo4j/graphql 7 sends
 * once tuned.graphql has added @cypher fields where the generated schema is slow or silent (docs/benchmarks.md
 * says why each is the form a user would choose), and how its responses become the canonical answers.
 *
 *   Q1  latestEvents(first: 20): an @cypher root field that walks the date index and stops after 20, instead of
 *       events(sort, limit), whose Cypher sorts every event; ancestors and part-of chains as @cypher list fields
 *   Q2  the generated query, as the out-of-the-box peer asks it (it is already one indexed look-up)
 *   Q3  eventsInPlace(first: 21): @cypher, a page plus one to tell whether there is a next page
 *   Q4  searchPlaces: a custom resolver (JavaScript) running our server's search over the same index, ranked the same
 *   Q5  eventsByMonth: @cypher returning month buckets
 *   Q6  eventCountInPlace: @cypher count
 */
import {
  type Contender,
  graphqlData,
  graphqlRequest,
  type Params,
  type Q1Event,
  type Answers,
  SEARCH_CANDIDATES,
  SEARCH_PAGE,
} from "../workload.js";
import { participantsByRole, peer, placesByName } from "./queries.js";

const Q1 = `query Q1 {
  latestEvents(first: 20) {
    id title date
    places(sort: ${placesByName}) { id name ancestors { id } }
    participantsConnection(sort: ${participantsByRole}) { edges { properties { role } node { id name partOfChain { id } } } }
  }
}`;

const Q3 = `query Q3($province: ID!, $from: Date!, $to: Date!) {
  eventsInPlace(place: $province, from: $from, to: $to, first: 21) { id }
}`;

const Q4 = `query Q4($text: String!) {
  searchPlaces(text: $text, first: ${SEARCH_PAGE}, candidates: ${SEARCH_CANDIDATES}) { id }
}`;

const Q5 = `query Q5($from: Date!, $to: Date!) {
  eventsByMonth(from: $from, to: $to) { key events fatalitiesLow fatalitiesHigh }
}`;

const Q6 = `query Q6($province: ID!, $from: Date!, $to: Date!) {
  eventCountInPlace(place: $province, from: $from, to: $to)
}`;

interface Ids {
  id: string;
}

interface Q1Node {
  id: string;
  title: string;
  date: string;
  places: (Ids & { name: string; ancestors: Ids[] })[];
  participantsConnection: { edges: { properties: { role: string }; node: Ids & { name: string; partOfChain: Ids[] } }[] };
}

const provinceVariables = (params: Params) => ({ province: params.provinceId, from: params.from, to: params.to });

export const tunedPeer: Contender = {
  Q1: {
    request: () => graphqlRequest(Q1),
    answer(body) {
      const events = graphqlData(body).latestEvents as Q1Node[];
      return events.map((event): Q1Event => ({
        id: event.id,
        title: event.title,
        date: event.date,
        places: event.places.map((place) => ({ id: place.id, name: place.name, ancestors: place.ancestors.map((a) => a.id) })),
        participants: event.participantsConnection.edges.map(({ properties, node }) => ({
          role: properties.role,
          actorId: node.id,
          actorName: node.name,
          partOf: node.partOfChain.map((a) => a.id),
        })),
      }));
    },
  },
  Q2: peer.Q2,
  Q3: {
    request: (params) => graphqlRequest(Q3, provinceVariables(params)),
    answer(body) {
      const ids = (graphqlData(body).eventsInPlace as Ids[]).map((event) => event.id);
      return { ids: ids.slice(0, 20), hasNextPage: ids.length > 20 };
    },
  },
  Q4: {
    request: (params) => graphqlRequest(Q4, { text: params.placeName }),
    answer: (body) => ({ ids: (graphqlData(body).searchPlaces as Ids[]).map((place) => place.id) }),
  },
  Q5: {
    request: (params) => graphqlRequest(Q5, { from: `${params.year}-01-01`, to: `${params.year}-12-31` }),
    answer: (body) => graphqlData(body).eventsByMonth as Answers["Q5"],
  },
  Q6: {
    request: (params) => graphqlRequest(Q6, provinceVariables(params)),
    answer: (body) => ({ totalCount: graphqlData(body).eventCountInPlace as number }),
  },
};
