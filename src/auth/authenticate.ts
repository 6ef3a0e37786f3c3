/** Credentials -> viewer: the `Authorization` header's bearer token, checked as an API key or (when configured) a JWT. */
import { type ApiKey, matchApiKey } from "./apiKeys.js";
import { jwtVerifier, looksLikeJwt, type JwtSettings } from "./jwt.js";
import { anonymous, type Viewer } from "./viewer.js";

export interface AuthSettings {
  editorKeys: ApiKey[];
  readerKeys: ApiKey[];
  /** When true, anonymous callers may not even read. */
  readRequiresKey: boolean;
  jwt: JwtSettings | null;
}

/** The viewer, or why the credentials sent were refused (a message for the client that never repeats them). */
export type Authentication = { ok: true; viewer: Viewer } | { ok: false; message: string };

export type Authenticator = (authorization: string | undefined) => Promise<Authentication>;

export function createAuthenticator(settings: AuthSettings): Authenticator {
  const verifyJwt = settings.jwt ? jwtVerifier(settings.jwt) : null;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === "") return { ok: true, viewer: anonymous };
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return { ok: false, message: "The Authorization header must read `Bearer <key or token>`." };
    const token = match[1];
    if (verifyJwt && looksLikeJwt(token)) {
      const viewer = await verifyJwt(token);
      return viewer ? { ok: true, viewer } : { ok: false, message: "The token is invalid or has expired." };
    }
    // Both lists are compared whatever matches, so a refusal takes as long as an acceptance of either role.
    const editor = matchApiKey(settings.editorKeys, token);
    const reader = matchApiKey(settings.readerKeys, token);
    if (editor) return { ok: true, viewer: { role: "EDITOR", id: editor.label } };
    if (reader) return { ok: true, viewer: { role: "READER", id: reader.label } };
    return { ok: false, message: "The API key is not valid." };
  };
}
