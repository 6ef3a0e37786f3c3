/**
 * Optional JSON Web Tokens, verified with `jose` against the identity provider's published keys (JWKS): signature,
 * expiry (present unless configured otherwise, and not past), issuer and audience must all hold. The role comes
 * from a configurable claim, which may be a string or a list of strings and may be nested (`realm_access.roles`).
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Viewer } from "./viewer.js";

export interface JwtSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Dotted path of the claim holding the role(s). */
  roleClaim: string;
  /** The claim value that makes a token's holder an editor; any other valid token reads. */
  editorRole: string;
  /** Refuse tokens without an `exp` claim: a token that never expires cannot be revoked by waiting. */
  requireExpiry: boolean;
}

/** Three base64url segments: a compact JWS. API keys are told apart from tokens by this shape. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

/** A verifier for one configuration; the key set is fetched on first use and cached (and refetched on unknown `kid`). */
export function jwtVerifier(settings: JwtSettings): (token: string) => Promise<Viewer | null> {
  const keySet = createRemoteJWKSet(new URL(settings.jwksUrl));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: settings.requireExpiry ? ["exp"] : [],
      });
      const roles = claimValues(payload, settings.roleClaim);
      return { role: roles.includes(settings.editorRole) ? "EDITOR" : "READER", id: payload.sub ?? null };
    } catch {
      // Expired, wrongly signed, wrong issuer or audience, or the key set unreachable: not credentials we accept.
      return null;
    }
  };
}

function claimValues(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const part of path.split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
