// The list of all events, paginated by Relay (`@connection` on Query.events).
import { graphql } from "./graphqlTag.js";

export const events = graphql`
  fragment EventList_query on Query
  @refetchable(queryName: "EventListPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    events(first: $count, after: $cursor) @connection(key: "EventList_events") {
      totalCount
      edges {
        node {
          ...EventSummary_event
        }
      }
    }
  }
`;

export const page = graphql`
  query EventListQuery {
    ...EventList_query
  }
`;
