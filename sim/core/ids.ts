import { randomBytes, randomUUID } from "node:crypto";

/** Keystone-style 32-hex ids (no dashes). */
export const hexId = (): string => randomBytes(16).toString("hex");
/** Nova/Cinder/Glance/Neutron-style UUIDs. */
export const uuid = (): string => randomUUID();
/** `req-<uuid>` request ids, as oslo.middleware generates them. */
export const requestId = (): string => `req-${randomUUID()}`;
/** URL-safe base64 audit ids, 22 chars, as Keystone issues them. */
export const auditId = (): string => randomBytes(16).toString("base64url");
