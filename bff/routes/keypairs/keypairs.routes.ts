import { createRoute, type z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import { KeypairCreatedSchema, KeypairCreateSchema, KeypairListSchema, KeypairNameParams } from "../../features/keypairs/schema";

const tags = ["keypairs"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });

export const list = createRoute({
  method: "get",
  path: "/keypairs",
  tags,
  summary: "The user's key pairs (Nova keeps them per user)",
  responses: { 200: json(KeypairListSchema, "Key pairs"), ...errorResponses },
});

export const create = createRoute({
  method: "post",
  path: "/keypairs",
  tags,
  summary: "Create a key pair (the private key is answered once) or import a public key; never retried",
  request: { body: { content: { "application/json": { schema: KeypairCreateSchema } }, required: true } },
  responses: {
    201: json(KeypairCreatedSchema, "The key pair; privateKey only when Nova generated it"),
    409: json(ErrorSchema, "A key pair of that name exists (upstream_conflict, naming compute)"),
    ...errorResponses,
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/keypairs/{name}",
  tags,
  summary: "Delete a key pair (servers booted with it keep the key they were given)",
  request: { params: KeypairNameParams },
  responses: { 204: { description: "Deleted" }, 404: json(ErrorSchema, "No key pair of that name"), ...errorResponses },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type RemoveRoute = typeof remove;
