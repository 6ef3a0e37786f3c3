import type { MutationResolvers } from "../../generated/resolvers.js";
import { importAcled } from "./importAcled.js";
import { importBundle } from "./importBundle.js";
import { linkIncident } from "./linkIncident.js";
import { mergeNodes } from "./mergeNodes.js";

export const Mutation: MutationResolvers = { importBundle, importAcled, mergeNodes, linkIncident };
