import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { PlaceResolvers } from "../generated/resolvers.js";
import { checkedEventFilter } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Place: PlaceResolvers = {
  location: (place) =>
    place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : null,
  events: (place, { includeSubPlaces, filter, ...page }, context, info) =>
    context.loaders
      .eventPages(
        { kind: "place", includeSubPlaces },
        checkedEventFilter(filter),
        "DATE_DESC",
        pageRequest(page, "DATE_DESC", connectionParts(info)),
      )
      .load(place.id),
};
