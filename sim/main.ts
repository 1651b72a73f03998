import { startSim } from "./index";

const port = Number(process.env.SIM_PORT ?? 5055);
const scenario = process.env.SIM_SCENARIO;

startSim({ port, scenario })
  .then((sim) => {
    console.log(`zenith-sim: embedded OpenStack+Ceph cloud on ${sim.url} (Keystone at ${sim.url}/identity/v3)`);
    console.log(
      `zenith-sim: state in ${sim.state.config.dbPath}; controls ${sim.state.config.controls ? "on" : "off"}; time scale ${sim.state.clock.scale()}`,
    );
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((err) => {
    console.error(`zenith-sim: failed to start on 127.0.0.1:${port}: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
