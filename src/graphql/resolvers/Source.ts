import type { ActorRow } from "../../model/rows.js";
import type { SourceResolvers } from "../generated/resolvers.js";
import { relatedOne } from "./shared.js";

export const Source: SourceResolvers = {
  publisher: (source, _, context) => relatedOne<ActorRow>(context, "sourcePublisher", source),
};
