import { requireEditor } from "../../../auth/viewer.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/** Checks the caller first: nothing is read or written for one who may not edit. */
export const mergeNodes: MutationResolvers["mergeNodes"] = (_, { from, into }, context) => {
  const editor = requireEditor(context.viewer);
  return context.imports.mergeNodes(from, into, { writtenBy: editor.id });
};
