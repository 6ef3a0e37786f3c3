import type { QueryResolvers } from "../generated/resolvers.js";

/** `viewer`: what the server made of the request's credentials (authenticated once per request, in auth/http.ts). */
export const viewerQuery: Pick<QueryResolvers, "viewer"> = {
  viewer: (_, __, context) => context.viewer,
};
