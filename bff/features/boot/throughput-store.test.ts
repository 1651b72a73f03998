import { createDatabase } from "../../db/database";
import { ENGINES, freshDatabase } from "../../db/test-databases";
import { learnThroughput } from "./throughput";
import { storedThroughput, storeThroughput } from "./throughput-store";

describe.each(ENGINES)("learned throughput on %s", (engine) => {
  it("is shared by replicas for its time, then learned again", async () => {
    const config = await freshDatabase(engine);
    const a = createDatabase(config),
      b = createDatabase(config);
    try {
      let t = 1_000_000;
      const model = learnThroughput([]);
      expect(await storedThroughput(b, "all", 60_000, () => t)).toBeNull();
      await storeThroughput(a, "all", model, () => t);
      t += 59_000;
      expect(await storedThroughput(b, "all", 60_000, () => t)).toEqual(model);
      expect(await storedThroughput(b, "project-x", 60_000, () => t)).toBeNull();
      t += 2_000;
      expect(await storedThroughput(b, "all", 60_000, () => t)).toBeNull();
      await storeThroughput(b, "all", { ...model, samples: 7 }, () => t);
      expect(await storedThroughput(a, "all", 60_000, () => t)).toMatchObject({ samples: 7 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("a database that does not answer costs a fresh read, never the estimate", async () => {
    const broken = createDatabase({ url: "postgres://nobody@127.0.0.1:1/none" });
    expect(await storedThroughput(broken, "all", 60_000)).toBeNull();
    await expect(storeThroughput(broken, "all", learnThroughput([]))).resolves.toBeUndefined();
    await broken.close();
  });
});
