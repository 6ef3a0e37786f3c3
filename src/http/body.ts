/**
 * Request bodies: a small limit for anonymous callers and a large one for editors, who send imports. Everything
 * that can go wrong while reading a body (size, content type, charset, content encoding, decompression, JSON) is
 * answered here, before Apollo, in the GraphQL-over-HTTP shape with a coded error and a 400, 413 or 415.
 */
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import { ErrorCode } from "../errors.js";
import { decodeUtf8 } from "../model/encoding.js";
import { sendHttpError } from "./errors.js";

/** `application/json`, with or without parameters (`; charset=utf-8`). Read from the header: `request.is` says null for an empty body. */
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

export function jsonBody(limits: { anonymous: string; editor: string }, isEditor: (request: Request) => boolean): RequestHandler {
  const small = express.json({ limit: limits.anonymous, verify: strictUtf8 });
  const large = express.json({ limit: limits.editor, verify: strictUtf8 });
  return (request, response, next) => {
    // GraphQL over HTTP: a POST carries application/json. Anything else (a form, text/plain) is refused before it is read.
    if (request.method === "POST" && !JSON_MEDIA_TYPE.test(request.header("content-type") ?? "")) {
      sendHttpError(response, 415, ErrorCode.UnsupportedMediaType, "Send the request as Content-Type: application/json.");
      return;
    }
    (isEditor(request) ? large : small)(request, response, next);
  };
}

/** The type of strictUtf8's refusal, beside body-parser's own types below. */
const NOT_UTF8 = "encoding.not.utf8";

/**
 * body-parser decodes leniently (a Latin-1 "é" would become U+FFFD and be stored so): the raw bytes, once
 * decompressed, must be UTF-8 before they are parsed. A UTF-8 byte order mark is accepted; UTF-16 is named. A
 * declared charset other than UTF-8 (body-parser accepts any `utf-*`) is refused as unsupported.
 */
function strictUtf8(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== "utf-8" && encoding.toLowerCase() !== "utf8") {
    throw Object.assign(new Error("unsupported charset"), { type: "charset.unsupported", charset: encoding });
  }
  const decoded = decodeUtf8(body);
  if (!decoded.ok) throw Object.assign(new Error(decoded.problem.message), { type: NOT_UTF8, problem: decoded.problem.message });
}

/** The fields of body-parser's (http-errors) and zlib's errors that tell what went wrong. */
interface BodyError {
  type?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
  code?: string;
  /** Ours (strictUtf8): what is wrong with the body's encoding. */
  problem?: string;
}

const DECOMPRESSION_FAILURE = /^Z_/;

/** What each body-parser failure means for the client; its own messages name files and modules, so none is passed on. */
const bodyProblems = new Map<string, (error: BodyError) => [status: number, code: ErrorCode, message: string]>([
  ["entity.too.large", (error) => [413, ErrorCode.PayloadTooLarge, `Request body too large (limit ${error.limit} bytes).`]],
  ["entity.parse.failed", () => [400, ErrorCode.BadRequest, "Request body is not valid JSON."]],
  ["entity.verify.failed", () => [400, ErrorCode.BadRequest, "Request body was refused."]],
  [
    "charset.unsupported",
    (error) => [415, ErrorCode.UnsupportedMediaType, `Unsupported charset "${clip(error.charset)}": send UTF-8 JSON.`],
  ],
  [
    "encoding.unsupported",
    (error) => [
      415,
      ErrorCode.UnsupportedMediaType,
      `Unsupported Content-Encoding "${clip(error.encoding)}": send identity, gzip, deflate or br.`,
    ],
  ],
  [NOT_UTF8, (error) => [400, ErrorCode.BadRequest, `Request body ${error.problem ?? "is not UTF-8"}: send UTF-8 JSON.`]],
  ["request.size.invalid", () => [400, ErrorCode.BadRequest, "Request body length does not match its Content-Length."]],
  ["request.aborted", () => [400, ErrorCode.BadRequest, "The request was aborted before its body was read."]],
]);

export const bodyErrors: ErrorRequestHandler = (error: BodyError, request, response, next) => {
  const problem = error.type === undefined ? undefined : bodyProblems.get(error.type);
  if (problem) {
    const [status, code, message] = problem(error);
    sendHttpError(response, status, code, message);
    return;
  }
  if (typeof error.code === "string" && DECOMPRESSION_FAILURE.test(error.code)) {
    const encoding = clip(request.header("content-encoding"));
    sendHttpError(response, 400, ErrorCode.BadRequest, `Request body is not valid ${encoding} data.`);
    return;
  }
  next(error);
};

/** Header values are echoed in messages only short and printable. */
function clip(value: string | undefined): string {
  const printable = (value ?? "").replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
