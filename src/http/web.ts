/**
 * The playground (GraphiQL, at GET /graphql when a browser asks for a page) and the explorer (/explore),
 * served from the assets `npm run build:web` writes to dist/web/. Nothing they load comes from elsewhere.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { projectRoot } from "../paths.js";

export const webAssetsDirectory = join(projectRoot, "dist", "web");

const PLAYGROUND_PAGE = "playground/index.html";
const EXPLORER_PAGE = "explorer/index.html";

/**
 * The pages may load and call only this server: a stray reference to a CDN fails loudly in development
 * instead of quietly on a network without internet. Monaco (GraphiQL's editor) sets inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A browser navigating to /graphql prefers HTML; GraphQL clients ask for JSON or accept anything, and
 * those requests (GET or POST) go on to Apollo.
 */
function prefersHtml(request: Request): boolean {
  return request.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html";
}

function sendPage(directory: string, page: string) {
  return (_request: Request, response: Response): void => {
    if (!existsSync(join(directory, page))) {
      response
        .status(503)
        .type("text/plain")
        .send("The playground and explorer are not built yet: run `npm run build:web` (`npm start` builds them when missing).\n");
      return;
    }
    response.set({ "cache-control": "no-cache", "content-security-policy": CONTENT_SECURITY_POLICY });
    // `root` keeps `send` from refusing a project that lives under a dot-folder.
    response.sendFile(page, { root: directory });
  };
}

/** Mount before the /graphql middleware, so that a browser's GET /graphql gets the playground. */
export function mountWeb(app: Express, directory = webAssetsDirectory): void {
  const playground = sendPage(directory, PLAYGROUND_PAGE);
  // Hashed file names: a changed asset is a new URL, so these can be cached for good.
  app.use("/web/assets", express.static(join(directory, "assets"), { index: false, immutable: true, maxAge: "365d" }));
  app.get("/graphql", (request: Request, response: Response, next: NextFunction) => {
    if (prefersHtml(request)) playground(request, response);
    else next();
  });
  app.get("/explore", sendPage(directory, EXPLORER_PAGE));
}
