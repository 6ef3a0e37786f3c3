/**
 * Checks on a GraphQL request's own fields, before Apollo sees it: the size of the query document and the shape of a
 * persisted-query extension. Each refusal is a 400 with a code of its own, in the GraphQL-over-HTTP shape.
 *
 * The document limit counts bytes, comments and whitespace included: the token limit counts neither, so a query of a
 * few tokens padded with a 95 kB comment passed it, and every such document that Apollo parsed stayed in memory.
 * Persisted-query extensions that Apollo would answer with an uncoded error (a wrong version, a hash that is not a
 * SHA-256 or does not match the query) are refused here with BAD_REQUEST and a message that says which.
 */
import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ErrorCode } from "../errors.js";
import { sendHttpError } from "./errors.js";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A request field, from the JSON body of a POST or the URL of a GET (where objects arrive JSON-encoded). */
function field(request: Request, name: string): unknown {
  const body: unknown = request.body;
  if (request.method === "POST")
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
  const value = (request.query as Record<string, unknown>)[name];
  if (name !== "extensions" || typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // Apollo answers a GET whose extensions are not JSON with BAD_REQUEST itself.
    return undefined;
  }
}

/** Why a `persistedQuery` extension cannot be served, or null when it can (or there is none). */
export function persistedQueryProblem(extensions: unknown, query: unknown): string | null {
  if (typeof extensions !== "object" || extensions === null || Array.isArray(extensions)) return null;
  const persisted = (extensions as Record<string, unknown>).persistedQuery;
  if (persisted === undefined || persisted === null) return null;
  if (typeof persisted !== "object" || Array.isArray(persisted)) {
    return "`extensions.persistedQuery` must be an object: { version: 1, sha256Hash: <the query's SHA-256 in hex> }.";
  }
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) return "Unsupported persisted query version: only `version: 1` is served.";
  if (typeof sha256Hash !== "string" || !SHA256_HEX.test(sha256Hash)) {
    return "`extensions.persistedQuery.sha256Hash` must be the query's SHA-256 as 64 lower-case hex digits.";
  }
  if (typeof query === "string" && createHash("sha256").update(query).digest("hex") !== sha256Hash) {
    return "`extensions.persistedQuery.sha256Hash` does not match the SHA-256 of the query sent with it.";
  }
  return null;
}

/** Why a document of `bytes` is refused (over HTTP and over WebSocket alike). */
export function documentTooLargeMessage(bytes: number, maxBytes: number): string {
  return (
    `The query document is ${bytes.toLocaleString("en")} bytes; at most ${maxBytes.toLocaleString("en")} are accepted ` +
    "(comments and whitespace count). Send large values as variables."
  );
}

/** Refuses documents over `maxBytes` (UTF-8, comments and whitespace counted) and malformed persisted-query extensions. */
export function requestShape(maxBytes: number): RequestHandler {
  return (request, response, next) => {
    const query = field(request, "query");
    if (typeof query === "string" && query.length > maxBytes / 3 && Buffer.byteLength(query, "utf8") > maxBytes) {
      sendHttpError(response, 400, ErrorCode.DocumentTooLarge, documentTooLargeMessage(Buffer.byteLength(query, "utf8"), maxBytes));
      return;
    }
    const problem = persistedQueryProblem(field(request, "extensions"), query);
    if (problem !== null) {
      sendHttpError(response, 400, ErrorCode.BadRequest, problem);
      return;
    }
    next();
  };
}
