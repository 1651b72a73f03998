/** Waits `ms`, or less when `signal` aborts (a closed stream stops its poll at once); never rejects. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((r) => {
    const t = setTimeout(r, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        r();
      },
      { once: true },
    );
  });
