"use client";

import { useEffect, useState } from "react";

/** The shared boot request schema (lib/schemas/boot.ts): zod, some 30 KiB, so it loads on intent, not with the page. */
export type BootSchemas = typeof import("@/lib/schemas/boot");
/** The schema with the checks that need it (boot-checks.ts): what the wizard loads on intent. */
export type BootChecks = typeof import("./boot-checks");

let loaded: BootChecks | null = null;
let loading: Promise<BootChecks> | null = null;

/** Starts loading the schema and its checks (once); resolves to them. */
export function loadBootSchema(): Promise<BootChecks> {
  loading ??= import("./boot-checks").then((m) => (loaded = m));
  return loading;
}

/** The schema and its checks once loaded, else null; loading starts when `want` turns true (a source chosen, or intent over the wizard). */
export function useBootSchema(want: boolean): BootChecks | null {
  const [s, setS] = useState<BootChecks | null>(loaded);
  useEffect(() => {
    if (want && !s) void loadBootSchema().then(setS);
  }, [want, s]);
  return s;
}
