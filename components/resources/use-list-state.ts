"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { getterOf, listQueryOf, listSearchOf, parseListState, type ListSpec, type ListState } from "@/lib/list-state";

/** The list's URL state and a setter that replaces the URL (no scroll); changing what is listed restarts paging. */
export function useListState<S extends string, F extends string>(spec: ListSpec<S, F>) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseListState(spec, getterOf(new URLSearchParams(params.toString()))), [spec, params]);
  // The state asked for and not yet rendered: a second change before it lands (a debounced search firing just after a
  // filter was picked) builds on it, not on the state the caller last rendered, so neither change is lost.
  const asked = useRef<ListState<S, F>>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs when the URL changed, to forget what was asked
  useEffect(() => {
    asked.current = undefined;
  }, [params]);
  const update = useCallback(
    (patch: Partial<ListState<S, F>>) => {
      const next = (asked.current = { ...(asked.current ?? state), ...patch });
      if (!("cursor" in patch)) next.cursor = [];
      router.replace(`${pathname}${listSearchOf(spec, next)}`, { scroll: false });
    },
    [state, router, pathname, spec],
  );
  return { state, query: listQueryOf(spec, state), update };
}
