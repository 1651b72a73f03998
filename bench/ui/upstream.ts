/** Upstream calls one view made, by service, counted by the cloud itself (the sim's counter or the services' logs). */
export interface UpstreamCount {
  /** Calls per service attributed to this view. */
  byService: Record<string, number>;
  total: number;
  /**
   * Request lines in the same window that belong to other clients (another user's token, or no token), per
   * service: the real tier is shared, so a non-zero figure says the window was not quiet. Absent on the sim.
   */
  others?: Record<string, number>;
  /** This view's calls by service and request kind ("compute GET /v2.1/limits"; ids and queries folded). */
  byRequest?: Record<string, number>;
}

/** Takes a mark before a view and counts what arrived since. */
export interface UpstreamCounter {
  mark(): Promise<unknown>;
  since(mark: unknown): Promise<UpstreamCount>;
}

export function sumOf(byService: Record<string, number>): number {
  return Object.values(byService).reduce((a, b) => a + b, 0);
}

/** The sim's own per-service request counter (GET /_sim/requests, served under SIM_CONTROLS=1). */
export function simCounter(simUrl: string): UpstreamCounter {
  type Counts = { byService: Record<string, number>; byRequest: Record<string, number> };
  const read = async () => {
    const res = await fetch(`${simUrl}/_sim/requests`);
    if (!res.ok) throw new Error(`GET /_sim/requests answered ${res.status}: start the sim with SIM_CONTROLS=1`);
    return (await res.json()) as Counts;
  };
  const minus = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([k, n]) => [k, n - (before[k] ?? 0)])
        .filter(([, n]) => (n as number) > 0),
    );
  return {
    mark: read,
    async since(mark) {
      const before = mark as Counts;
      const after = await read();
      const byService = minus(after.byService, before.byService);
      return { byService, total: sumOf(byService), byRequest: minus(after.byRequest, before.byRequest) };
    },
  };
}
