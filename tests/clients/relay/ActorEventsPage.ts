// An actor's page with its events paginated by Relay (`@connection` on Actor.events, refetched through `node`).
import { graphql } from "./graphqlTag.js";

export const actorEvents = graphql`
  fragment ActorEventsPage_actor on Actor
  @refetchable(queryName: "ActorEventsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    name
    events(first: $count, after: $cursor) @connection(key: "ActorEventsPage_events") {
      edges {
        node {
          ...EventSummary_event
        }
      }
    }
  }
`;

export const page = graphql`
  query ActorEventsPageQuery($id: ID!) {
    actor(id: $id) {
      ...ActorEventsPage_actor
    }
  }
`;
