/**
 * Stands in for react-relay's `graphql` tag: the Relay compiler reads the tagged templates of this folder's
 * files as text; nothing here runs them.
 */
export const graphql = String.raw;
