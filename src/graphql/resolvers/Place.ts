import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { AgreementRow, PlaceRow } from "../../model/rows.js";
import type { PlaceResolvers } from "../generated/resolvers.js";
import { eventConditions, related, relatedOne } from "./shared.js";

export const Place: PlaceResolvers = {
  location: (place) =>
    place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : null,
  parent: (place, _, context) => relatedOne<PlaceRow>(context, "placeParent", place),
  ancestors: (place, _, context) => related<PlaceRow>(context, "placeAncestors", place),
  children: (place, _, context) => related<PlaceRow>(context, "placeChildren", place),
  events: (place, { includeSubPlaces, filter, ...page }, context, info) =>
    context.loaders
      .eventPages(
        { kind: "place", includeSubPlaces },
        eventConditions(filter),
        "DATE_DESC",
        pageRequest(page, "DATE_DESC", connectionParts(info)),
      )
      .load(place.id),
  agreements: (place, _, context) => related<AgreementRow>(context, "placeAgreements", place),
};
