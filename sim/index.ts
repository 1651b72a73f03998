import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createSimApp } from "./app";
import { createSimState, simConfigFromEnv, type SimConfig, type SimState } from "./core/state";
import { applyScenario, isScenario } from "./scenarios";

export interface RunningSim {
  url: string;
  state: SimState;
  close(): Promise<void>;
}

/**
 * Starts the embedded cloud on 127.0.0.1. Port 0 picks a free port (tests). The first start on an
 * empty database seeds the default scenario; later starts keep the stored state.
 */
export async function startSim(opts: { port?: number; config?: Partial<SimConfig>; scenario?: string } = {}): Promise<RunningSim> {
  const config = { ...simConfigFromEnv(), ...opts.config };
  const state = createSimState(config);
  let server: ServerType;
  const remote = new WeakMap<Request, string | undefined>();
  const app = createSimApp(state, { remoteAddress: (req) => remote.get(req) });
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      {
        fetch: (req, env: any) => {
          remote.set(req, env?.incoming?.socket?.remoteAddress);
          return app.fetch(req, env);
        },
        hostname: "127.0.0.1",
        port: opts.port ?? 5055,
      },
      (info: AddressInfo) => resolve(info.port),
    );
    server.on("error", reject);
  });
  state.baseUrl = `http://127.0.0.1:${port}`;
  const wanted = opts.scenario;
  if (wanted) {
    if (!isScenario(wanted)) throw new Error(`unknown scenario ${wanted}`);
    applyScenario(state, wanted);
  } else if (!state.store.meta.get("scenario")) applyScenario(state, "default");
  return {
    url: state.baseUrl,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        (server as any).closeAllConnections?.();
        server.close(() => {
          state.db.close();
          resolve();
        });
      }),
  };
}
