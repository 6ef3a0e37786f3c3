// A place's label, as a component of its own would ask for it: its name and the names of its ancestors.
import { graphql } from "./graphqlTag.js";

export const place = graphql`
  fragment PlaceLabel_place on Place {
    name
    kind
    ancestors {
      ...PlaceLabel_ancestor
    }
  }
`;

export const ancestor = graphql`
  fragment PlaceLabel_ancestor on Place {
    name
    kind
  }
`;
