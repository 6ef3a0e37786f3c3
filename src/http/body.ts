/**
 * Request bodies: a small limit for anonymous callers and a large one for editors, who send imports.
 * A body over the limit is answered 413 with a coded GraphQL-shaped error, before Apollo sees it.
 */
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";

export function jsonBody(limits: { anonymous: string; editor: string }, isEditor: (request: Request) => boolean): RequestHandler {
  const small = express.json({ limit: limits.anonymous });
  const large = express.json({ limit: limits.editor });
  return (request, response, next) => (isEditor(request) ? large : small)(request, response, next);
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

export const bodyErrors: ErrorRequestHandler = (error: BodyParserError, _request, response, next) => {
  if (error.type === "entity.too.large") {
    response.status(413).json({
      errors: [{ message: `Request body too large (limit ${error.limit} bytes).`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });
    return;
  }
  if (error.type === "entity.parse.failed") {
    response.status(400).json({ errors: [{ message: "Request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
    return;
  }
  next(error);
};
