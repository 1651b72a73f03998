"use client";

import { useEffect, useState } from "react";

/** The shared boot request schema (lib/schemas/boot.ts): zod, some 30 KiB, so it loads on intent, not with the page. */
export type BootSchemas = typeof import("@/lib/schemas/boot");

let loaded: BootSchemas | null = null;
let loading: Promise<BootSchemas> | null = null;

/** Starts loading the schema (once); resolves to it. */
export function loadBootSchema(): Promise<BootSchemas> {
  loading ??= import("@/lib/schemas/boot").then((m) => (loaded = m));
  return loading;
}

/** The schema once loaded, else null; loading starts when `want` turns true (a source chosen, or intent over the wizard). */
export function useBootSchema(want: boolean): BootSchemas | null {
  const [s, setS] = useState<BootSchemas | null>(loaded);
  useEffect(() => {
    if (want && !s) void loadBootSchema().then(setS);
  }, [want, s]);
  return s;
}
