import { requireEditor } from "../../../auth/viewer.js";
import { InvalidImportError } from "../../../errors.js";
import { illFormedText } from "../../../model/encoding.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/**
 * Checks the caller first: nothing is read or written for one who may not edit. Text that no UTF-8 can carry (a lone
 * surrogate from a `\ud800` escape) is refused rather than stored as U+FFFD.
 */
export const importAcled: MutationResolvers["importAcled"] = (_, { csv, dryRun }, context) => {
  const editor = requireEditor(context.viewer);
  const illFormed = illFormedText(csv, "csv");
  if (illFormed.length > 0) throw new InvalidImportError(illFormed);
  return context.imports.importAcled(csv, { dryRun: dryRun ?? false, writtenBy: editor.id });
};
