import { describe, expect, it } from "vitest";
import { diesAt, heartbeatAt, isAlive } from "./liveness";

describe("agent liveness", () => {
  const down = 75_000;
  it("a running agent heartbeats now and is alive", () => {
    expect(heartbeatAt({ killed_at: null }, 1_000_000)).toBe(1_000_000);
    expect(isAlive({ killed_at: null }, 1_000_000, down)).toBe(true);
    expect(diesAt({ killed_at: null }, down)).toBeNull();
  });
  it("a killed agent stays alive until agent_down_time has passed since its last heartbeat", () => {
    const killed = { killed_at: 1_000_000 };
    expect(heartbeatAt(killed, 1_050_000)).toBe(1_000_000);
    expect(isAlive(killed, 1_000_000, down)).toBe(true);
    expect(isAlive(killed, 1_074_999, down)).toBe(true);
    expect(isAlive(killed, 1_075_000, down)).toBe(false);
    expect(diesAt(killed, down)).toBe(1_075_000);
  });
  it("follows the time scale through downTimeMs", () => {
    expect(isAlive({ killed_at: 0 }, 1_600, 1_500)).toBe(false);
    expect(isAlive({ killed_at: 0 }, 1_400, 1_500)).toBe(true);
  });
});
