import { requireEditor } from "../../../auth/viewer.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/** Checks the caller first: nothing is read or written for one who may not edit. */
export const importAcled: MutationResolvers["importAcled"] = (_, { csv, dryRun }, context) => {
  const editor = requireEditor(context.viewer);
  return context.imports.importAcled(csv, { dryRun: dryRun ?? false, writtenBy: editor.id });
};
