/** A researcher's ordinary page (issue 14): 100 events with their places, perpetrators, claims, evidence and source text. */
export const RESEARCH_PAGE = `{
  events(first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id title date
        fatalities { low high qualifier }
        places { id name kind }
        perpetrators { id name }
        claims {
          id kind text
          estimate { low high qualifier }
          assertedBy { id name }
          actors { id name }
          source { id title publishedOn }
          evidence { id quote start end source { id title text } }
        }
      }
    }
  }
}`;
