import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { LoginBody, Session } from "@/lib/api/types";
import { clearBootDraft } from "@/lib/stores/boot-draft";

export const sessionKeys = {
  all: ["session"] as const,
  current: () => [...sessionKeys.all, "current"] as const,
};

export const sessionQueries = {
  current: (client: ApiClient = api) =>
    queryOptions({
      queryKey: sessionKeys.current(),
      queryFn: async ({ signal }): Promise<Session> => request(client.GET("/api/auth/session", { signal })),
      staleTime: 5 * 60_000,
    }),
};

/** The signed-in session. Inside the dashboard it is always prefetched or loading. */
export const useSession = () => useQuery(sessionQueries.current());

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody): Promise<Session> => request(api.POST("/api/auth/login", { body })),
    onSuccess: (session) => {
      // A new identity: nothing cached for the previous one may survive, nor a draft in this tab.
      qc.clear();
      clearBootDraft();
      qc.setQueryData(sessionKeys.current(), session);
    },
  });
}

/** Re-scope to another project; every cached answer belonged to the old scope, so refetch all of it. */
export function useSwitchProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (projectId: string): Promise<Session> => request(api.POST("/api/auth/project", { body: { projectId } })),
    onSuccess: async (session) => {
      qc.setQueryData(sessionKeys.current(), session);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await request(api.POST("/api/auth/logout"));
    },
    onSettled: () => {
      qc.clear();
      clearBootDraft();
    },
  });
}
