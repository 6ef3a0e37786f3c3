// An event's detail page: nested fragments for its claims, their evidence and source, and its participants.
import { graphql } from "./graphqlTag.js";

export const claim = graphql`
  fragment EventDetail_claim on Claim {
    kind
    text
    estimate {
      low
      high
      qualifier
    }
    assertedBy {
      name
    }
    evidence {
      ...EventDetail_evidence
    }
    disputedBy {
      text
      speaker {
        name
      }
    }
  }
`;

export const evidence = graphql`
  fragment EventDetail_evidence on Evidence {
    quote
    start
    end
    source {
      title
      publishedOn
    }
  }
`;

export const page = graphql`
  query EventDetailQuery($id: ID!) {
    event(id: $id) {
      ...EventSummary_event
      summary
      participants {
        role
        actor {
          name
          partOf {
            name
          }
        }
      }
      claims {
        ...EventDetail_claim
      }
    }
  }
`;
