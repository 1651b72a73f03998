import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export type Keypair = components["schemas"]["Keypair"];
export type KeypairCreated = components["schemas"]["KeypairCreated"];

export const keypairKeys = { all: ["keypairs"] as const, list: () => [...keypairKeys.all, "list"] as const };

export const keypairQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: keypairKeys.list(),
      queryFn: ({ signal }) => request(client.GET("/api/keypairs", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};
export const useKeypairs = () => useQuery(keypairQueries.list());

export function useKeypairMutations() {
  const qc = useQueryClient();
  const settle = { retry: false, onSettled: () => qc.invalidateQueries({ queryKey: keypairKeys.all }) } as const;
  return {
    create: useMutation({
      mutationFn: (body: { name: string; publicKey?: string }) => request(api.POST("/api/keypairs", { body })),
      ...settle,
    }),
    remove: useMutation({
      mutationFn: (name: string) => request(api.DELETE("/api/keypairs/{name}", { params: { path: { name } } })),
      ...settle,
    }),
  };
}
