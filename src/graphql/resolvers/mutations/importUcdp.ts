import { requireEditor } from "../../../auth/viewer.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/** Checks the caller first: nothing is read or written for one who may not edit. */
export const importUcdp: MutationResolvers["importUcdp"] = (_, { csv, dryRun }, context) => {
  const editor = requireEditor(context.viewer);
  return context.imports.importUcdp(csv, { dryRun: dryRun ?? false, writtenBy: editor.id });
};
