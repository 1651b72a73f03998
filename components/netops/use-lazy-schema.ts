"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A form's shared zod schema, loaded on the form's first focus (or submit) rather than with the page: zod is ~30 KiB
 * gzip, which the page's first load cannot afford. `load` must be a module-level function (stable identity).
 */
export function useLazySchema<T>(load: () => Promise<T>): { schema: T | null; ensure: () => Promise<T> } {
  const [schema, setSchema] = useState<T | null>(null);
  const pending = useRef<Promise<T> | null>(null);
  const ensure = useCallback(() => {
    pending.current ??= load().then((s) => {
      setSchema(() => s);
      return s;
    });
    return pending.current;
  }, [load]);
  return { schema, ensure };
}
