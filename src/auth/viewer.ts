import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Role } from "../model/enums.js";

/** Who is calling, as the credentials say: a role and the key's label or the token's subject. */
export interface Viewer {
  role: Role;
  /** Null when anonymous. Recorded as `createdBy`/`updatedBy` on what the viewer writes. */
  id: string | null;
}

export const anonymous: Viewer = { role: "ANONYMOUS", id: null };

/** The viewer, if it may write; otherwise UNAUTHENTICATED (401) or FORBIDDEN (403), before anything is read or written. */
export function requireEditor(viewer: Viewer): Viewer & { id: string } {
  switch (viewer.role) {
    case "EDITOR":
      if (viewer.id !== null) return { role: viewer.role, id: viewer.id };
      throw new UnauthenticatedError("Editing needs an editor's credentials: send Authorization: Bearer <key>.");
    case "ANONYMOUS":
      throw new UnauthenticatedError("Editing needs an editor's credentials: send Authorization: Bearer <key>.");
    case "READER":
      throw new ForbiddenError("These credentials may read but not edit.");
  }
}
