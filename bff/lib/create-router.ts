import { OpenAPIHono } from "@hono/zod-openapi";
import { describeIssue, errorBody } from "../errors";
import type { AppEnv } from "./types";

/** A feature router whose validation failures use the one error envelope, naming the field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const { field, message } = describeIssue(result.error.issues[0] as never, [], result.target);
        return c.json(errorBody(c, "bad_request", message, { field, details: result.error.issues }), 400);
      }
    },
  });
}
