/**
 * Every request the explorer sends, in one place (a unit test validates them against the schema and the limits).
 * Fields that differ in type between node types (`kind`, `date`) are aliased where they meet, as GraphQL requires;
 * nowhere else, since each alias counts (per fragment spread) against the server's limit of 15 per request.
 */

const NODE_SUMMARY = /* GraphQL */ `
  fragment NodeSummary on Node {
    __typename
    id
    ... on Actor {
      name
    }
    ... on Place {
      name
      placeKind: kind
      parent {
        name
      }
    }
    ... on Agreement {
      name
    }
    ... on Event {
      title
      date
      fatalities {
        best
        low
      }
    }
    ... on Source {
      title
    }
    ... on Statement {
      stance
      speaker {
        name
      }
    }
    ... on Claim {
      claimKind: kind
      text
    }
  }
`;

const EDGE = /* GraphQL */ `
  fragment Edge on GraphEdge {
    type
    from
    to
    role
  }
`;

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($query: String!) {
    search(query: $query, first: 12) {
      score
      node {
        ...NodeSummary
      }
    }
  }
  ${NODE_SUMMARY}
`;

export const NEIGHBORHOOD_QUERY = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int!, $limit: Int!) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      truncated
      nodes {
        ...NodeSummary
      }
      edges {
        ...Edge
      }
    }
  }
  ${NODE_SUMMARY}
  ${EDGE}
`;

export const SHORTEST_PATH_QUERY = /* GraphQL */ `
  query ExplorerShortestPath($from: ID!, $to: ID!, $maxHops: Int!) {
    shortestPath(from: $from, to: $to, maxHops: $maxHops) {
      length
      nodes {
        ...NodeSummary
      }
      relationships {
        ...Edge
      }
    }
  }
  ${NODE_SUMMARY}
  ${EDGE}
`;

export const NODE_DETAILS_QUERY = /* GraphQL */ `
  query ExplorerNodeDetails($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Actor {
        name
        actorKind: kind
        description
        aliases
        partOf {
          id
          name
          partOf {
            id
          }
        }
        members {
          id
          name
        }
        # What the actor is blamed for: its own events as perpetrator, its members' (transitively), and those a claim credits to either.
        blamedFor: events(role: PERPETRATOR, includeMembers: true, credited: true, first: 10) {
          totalCount
          edges {
            node {
              id
              title
              date
            }
          }
        }
        identifiers {
          ...Identifier
        }
      }
      ... on Place {
        name
        placeKind: kind
        aliases
        parent {
          name
        }
        identifiers {
          ...Identifier
        }
        ancestors {
          ...PlaceRef
        }
      }
      ... on Event {
        title
        eventDate: date
        datePrecision
        category
        type
        summary
        places {
          ...PlaceRef
        }
        fatalities {
          ...Figure
        }
        injuries {
          ...Figure
        }
        responsibilityContested
        identifiers {
          ...Identifier
        }
        claims {
          ...ClaimSummary
        }
        evidence {
          quote
        }
        incident {
          ...IncidentSummary
          reports {
            ...Report
          }
        }
        incidentCandidates {
          ...IncidentSummary
          reports {
            id
            title
            date
            places {
              ...PlaceRef
            }
          }
        }
      }
      ... on Statement {
        stance
        statementDate: date
        text
        speaker {
          id
          name
        }
        onBehalfOf {
          id
          name
        }
        targets {
          id
          name
        }
        source {
          id
          title
          publishedOn
        }
        evidence {
          quote
        }
      }
      ... on Claim {
        claimKind: kind
        text
        estimate {
          ...Figure
        }
        assertedBy {
          id
          name
        }
        event {
          id
          title
        }
        source {
          id
          title
          publishedOn
        }
        evidence {
          quote
        }
      }
      ... on Agreement {
        name
        signedOn
        endsOn
        summary
        parties {
          id
          name
        }
        covers {
          ...PlaceRef
        }
      }
      ... on Source {
        title
        publishedOn
        url
        publisher {
          id
          name
        }
      }
    }
  }
  fragment Figure on Estimate {
    low
    high
    qualifier
  }
  fragment Identifier on ExternalId {
    scheme
    value
  }
  fragment IncidentSummary on Incident {
    id
    date
    match
    fatalities {
      ...Figure
    }
    injuries {
      ...Figure
    }
  }
  fragment Report on Event {
    id
    title
    date
    datePrecision
    places {
      ...PlaceRef
    }
    claims {
      ...ClaimSummary
    }
    evidence {
      quote
      source {
        id
        title
        publishedOn
      }
    }
  }
  fragment ClaimSummary on Claim {
    id
    claimKind: kind
    text
    estimate {
      ...Figure
    }
    assertedBy {
      id
      name
    }
    source {
      id
      title
      publishedOn
    }
    evidence {
      quote
    }
  }
  fragment PlaceRef on Place {
    id
    name
    kind
    parent {
      name
    }
  }
`;

/** The map's events: a page of the current filter's events with their points, tolls and perpetrators. */
export const MAP_EVENTS_QUERY = /* GraphQL */ `
  query MapEvents($filter: EventFilter, $after: String) {
    events(filter: $filter, orderBy: DATE_ASC, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          date
          category
          location {
            latitude
            longitude
          }
          fatalities {
            low
            high
          }
          perpetrators {
            id
            name
          }
        }
      }
    }
  }
`;

/**
 * The timeline: incidents per interval over the filter's dates, split by perpetrator. The perpetrators' names come
 * from the map's events, which keeps the series within an anonymous caller's cost.
 */
export const TIMELINE_QUERY = /* GraphQL */ `
  query Timeline($interval: TimeInterval!, $filter: EventFilter) {
    timeSeries(interval: $interval, by: PERPETRATOR, filter: $filter) {
      start
      key
      events
    }
  }
`;

/**
 * What an actor is blamed for, counted as `eventStats` counts: incidents once however many sources report them, and
 * their reports. Its bucket is the one keyed by the actor's id; `events(role: PERPETRATOR, includeMembers: true,
 * credited: true)` lists the same reports.
 */
export const BLAMED_COUNTS_QUERY = /* GraphQL */ `
  query ExplorerBlamedCounts {
    eventStats(groupBy: PERPETRATOR, includeMembers: true) {
      key
      events
      reports
    }
  }
`;
