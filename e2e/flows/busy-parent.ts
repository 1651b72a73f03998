import { nanoid } from "nanoid";
import { type Cloud, Scratch, type Seed } from "../cloud";
import { users } from "../fixtures";

/**
 * Running clones of the raw image on a cloud that has none between tests (the real tier): `count` Cinder volumes
 * made from it (Cinder's RBD driver clones the image's snapshot, so each is an RBD clone of it), one server booted
 * from the first with the rest attached. Named `<prefix>-…` with a unique prefix; cleanUp deletes the server and
 * the volumes, and is safe to call after a failed make (it removes whatever was made).
 */
export class BusyParent {
  readonly prefix = `e2e-fanout-${nanoid(6).replace(/[^\w]/g, "x")}`;
  private constructor(private readonly scratch: Scratch) {}

  static async as(cloud: Cloud): Promise<BusyParent> {
    return new BusyParent(await Scratch.as(cloud, users.admin, "admin"));
  }

  /** `count` running clones of seed.rawImage; throws (leaving clean-up to cleanUp) when the cloud refuses. */
  async make(seed: Seed, count: number): Promise<void> {
    const volumes: string[] = [];
    for (let i = 0; i < count; i++)
      volumes.push(await this.scratch.volumeFromImage(`${this.prefix}-${i}`, seed.rawImage, seed.rawVolumeGiB));
    await this.scratch.serverFromVolumes(`${this.prefix}-server`, volumes, seed.flavor.id, seed.network);
  }

  cleanUp(): Promise<void> {
    return this.scratch.cleanUp();
  }
}
