// A stand-in for a Zenith process, for the "app restarted mid-run" test: starts a rollout with the
// service and prints its id, then keeps running until it is killed.
import { createRolloutService } from "../features/rollouts/service";

const [configFile, dataDir, playbookDir, pool, version] = process.argv.slice(2);
const s = createRolloutService({ configFile, dataDir, playbookDir });
const input = { serial: "1", maxFailPercentage: 0, version };
void (async () => {
  const plan = await s.plan(pool, input);
  const run = await s.start(pool, input, plan.planId, "restart-test");
  process.stdout.write(`${run.id}\n`);
  setInterval(() => undefined, 1000);
})();
