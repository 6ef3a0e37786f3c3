import type { MutationResolvers } from "../../generated/resolvers.js";
import { importAcled } from "./importAcled.js";
import { importBundle } from "./importBundle.js";
import { linkIncident } from "./linkIncident.js";

export const Mutation: MutationResolvers = { importBundle, importAcled, linkIncident };
