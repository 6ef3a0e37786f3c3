/**
 * Optional JSON Web Tokens, verified with `jose` against the identity provider's published keys (JWKS): signature,
 * expiry (present unless configured otherwise, not past, and no further than `maxLifetimeSeconds` ahead of now or of
 * the token's `iat`), issuer, audience and a subject (`sub`, whom writes are recorded against) must all hold. The
 * role comes from a configurable claim, which may be a string or a list of strings and may be nested
 * (`realm_access.roles`).
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
  /** The longest a token may live: `exp` at most this many seconds after now, and after `iat` when present. */
  maxLifetimeSeconds: number;
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
        requiredClaims: settings.requireExpiry ? ["exp", "sub"] : ["sub"],
      });
      // A token must name whom it speaks for: without a subject, writes could not be recorded against anyone.
      if (typeof payload.sub !== "string" || payload.sub.trim() === "") return null;
      if (!withinLifetime(payload, settings.maxLifetimeSeconds)) return null;
      const roles = claimValues(payload, settings.roleClaim);
      return { role: roles.includes(settings.editorRole) ? "EDITOR" : "READER", id: payload.sub };
    } catch {
      // Expired, wrongly signed, wrong issuer or audience, or the key set unreachable: not credentials we accept.
      return null;
    }
  };
}

/** Clocks of the identity provider and of this server may differ this much. */
const CLOCK_SKEW_SECONDS = 60;

/** A token that expires further ahead than the maximum lifetime (`exp: 1e20`) would be valid for good. */
function withinLifetime(payload: JWTPayload, maxLifetimeSeconds: number): boolean {
  if (payload.exp === undefined) return true;
  const now = Math.floor(Date.now() / 1000);
  if (payload.exp - now > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) return false;
  return payload.iat === undefined || payload.exp - payload.iat <= maxLifetimeSeconds;
}

function claimValues(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const part of path.split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
