/**
 * Authentication on the HTTP side, once per request and before the body is read, so that editors' imports may be
 * larger than anonymous requests. Credentials that were sent but are not valid are refused outright (401), for
 * reads too: a caller with an expired token should learn so, not silently read as anonymous.
 */
import type { Request, RequestHandler, Response } from "express";
import { ErrorCode } from "../errors.js";
import { type AuthSettings, createAuthenticator } from "./authenticate.js";
import { anonymous, type Viewer } from "./viewer.js";

const VIEWER = "viewer";

/** `refused` hears of every request whose credentials were refused (the failed-authentication budget counts them). */
export function authenticateRequests(settings: AuthSettings, refused: (request: Request) => void = () => undefined): RequestHandler {
  const authenticate = createAuthenticator(settings);
  return (request, response, next) => {
    authenticate(request.header("authorization")).then((result) => {
      if (!result.ok) {
        refused(request);
        return refuse(response, result.message);
      }
      if (settings.readRequiresKey && result.viewer.role === "ANONYMOUS") {
        return refuse(response, "This server requires credentials for reading: send Authorization: Bearer <key>.");
      }
      response.locals[VIEWER] = result.viewer;
      next();
    }, next);
  };
}

/** For the body-size limit: editors may send imports. */
export function isEditorRequest(request: Request): boolean {
  return request.res !== undefined && viewerOf(request.res).role === "EDITOR";
}

/** The viewer `authenticateRequests` found for this request. */
export function viewerOf(response: Response): Viewer {
  return (response.locals[VIEWER] as Viewer | undefined) ?? anonymous;
}

function refuse(response: Response, message: string): void {
  response
    .status(401)
    .setHeader("www-authenticate", "Bearer")
    .json({ errors: [{ message, extensions: { code: ErrorCode.Unauthenticated } }] });
}
