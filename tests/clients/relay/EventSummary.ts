// One event in a list: a @refetchable fragment (Relay refetches it through `node(id:)`).
import { graphql } from "./graphqlTag.js";

export const event = graphql`
  fragment EventSummary_event on Event @refetchable(queryName: "EventSummaryRefetchQuery") {
    title
    date
    datePrecision
    fatalities {
      low
      high
      qualifier
    }
    places {
      ...PlaceLabel_place
    }
  }
`;
