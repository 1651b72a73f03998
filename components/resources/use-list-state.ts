"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { getterOf, listQueryOf, listSearchOf, parseListState, type ListSpec, type ListState } from "@/lib/list-state";

/** The list's URL state and a setter that replaces the URL (no scroll); changing what is listed restarts paging. */
export function useListState<S extends string, F extends string>(spec: ListSpec<S, F>) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseListState(spec, getterOf(new URLSearchParams(params.toString()))), [spec, params]);
  const update = useCallback(
    (patch: Partial<ListState<S, F>>) => {
      const next = { ...state, ...patch };
      if (!("cursor" in patch)) next.cursor = [];
      router.replace(`${pathname}${listSearchOf(spec, next)}`, { scroll: false });
    },
    [state, router, pathname, spec],
  );
  return { state, query: listQueryOf(spec, state), update };
}
