import type { MutationResolvers } from "../../generated/resolvers.js";
import { importAcled } from "./importAcled.js";
import { importBundle } from "./importBundle.js";
import { importUcdp } from "./importUcdp.js";
import { linkIncident } from "./linkIncident.js";
import { mergeNodes } from "./mergeNodes.js";

export const Mutation: MutationResolvers = { importBundle, importAcled, importUcdp, mergeNodes, linkIncident };
