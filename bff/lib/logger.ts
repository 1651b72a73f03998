import pino, { type DestinationStream, type Logger } from "pino";
import type { Env } from "../config/cloud-config";

/**
 * The BFF's JSON log (pino): one line per request, written by middleware/request-log.ts, plus unexpected errors.
 * ZENITH_LOG_LEVEL picks the level (info; `silent` turns it off).
 */
export function createLogger(env: Env = process.env, destination?: DestinationStream): Logger {
  const opts = { level: env.ZENITH_LOG_LEVEL || "info", base: { name: "zenith-bff" }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(opts, destination) : pino(opts);
}

export const silentLogger = (): Logger => pino({ level: "silent" });
