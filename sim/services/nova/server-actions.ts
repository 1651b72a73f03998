import { randomBytes } from "node:crypto";
import type { SimState } from "../../core/state";
import { atLeast } from "../common/microversion";
import { glanceImages } from "../glance/model";
import { novaFault } from "./errors";
import { policyRefusal } from "./admin";
import type { ServerState } from "./lifecycle";
import { flavors, servers, type Server, type ServerOp } from "./model";
import type { ViewCtx } from "./view";

/** Cloud seconds each operation takes in the sim (FakeDriver on the real tier: about as quick). */
const SPAN = { resize: 6, revertResize: 3, rebuild: 5, shelve: 4, unshelve: 5, rescue: 3, unrescue: 2 } as const;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
/** A JSON object as Python prints a dict in jsonschema's messages: {'bogus': 1}. */
const pyRepr = (o: unknown) => JSON.stringify(o).replace(/"/g, "'").replace(/':/g, "': ").replace(/,'/g, ", '");
const accepted = () => new Response(null, { status: 202 });

/**
 * nova/compute/api.py's check_instance_state as the API reports it (common.raise_http_conflict_for_instance_invalid_state):
 * the vm_state is checked first, then the task_state (None unless listed).
 */
export function invalidState(
  s: Server,
  st: ServerState,
  action: string,
  vmStates: string[],
  taskStates: (string | null)[] = [null],
): Response | null {
  if (!vmStates.includes(st.vm_state)) return novaFault(409, `Cannot '${action}' instance ${s.id} while it is in vm_state ${st.vm_state}`);
  if (!taskStates.includes(st.task_state))
    return novaFault(409, `Cannot '${action}' instance ${s.id} while it is in task_state ${st.task_state}`);
  return null;
}

/** check_instance_lock: a locked instance refuses everyone but an admin. */
export const lockedRefusal = (s: Server, x: ViewCtx): Response | null =>
  s.lock && !x.admin ? novaFault(409, `Instance ${s.id} is locked`) : null;

/** Appends a row to the instance's os-instance-actions log. */
export const logged = (s: Server, action: string, at: number, userId: string): Server => ({
  ...s,
  actionLog: [...(s.actionLog ?? []), { action, at, userId }],
});

/**
 * A finished operation that left the instance ACTIVE or SHUTOFF hands it back to the power model (stop/start/reboot),
 * so every later action sees one current state.
 */
export function settle(state: SimState, s: Server, now: number): Server {
  const op = s.op;
  if (!op || now < op.until || !["active", "stopped"].includes(op.after.vm_state)) return s;
  const stopped = op.after.vm_state === "stopped";
  const next: Server = {
    ...s,
    op: null,
    power: { stoppedAt: stopped ? op.until : null, rebootUntil: null, rebootType: null, updated: op.until },
  };
  servers(state).put(next);
  return next;
}

const ACTIVE = { status: "ACTIVE", vm_state: "active", power_state: 1 };
const STOPPED = { status: "SHUTOFF", vm_state: "stopped", power_state: 4 };
const asNow = (st: ServerState) => ({ status: st.status, vm_state: st.vm_state, power_state: st.power_state });

interface Args {
  state: SimState;
  x: ViewCtx;
  s: Server;
  st: ServerState;
  body: Record<string, any>;
  userId: string;
}

/**
 * Resize (with confirm/revert), rebuild, shelve/unshelve, lock/unlock and rescue/unrescue with Zed's state checks,
 * refusals and answers (nova/api/openstack/compute/{servers,shelve,lock_server,rescue}.py). Undefined: not one of these.
 */
export function lifecycleAction(action: string, a: Args): Response | undefined {
  const { state, x, s, st, body, userId } = a;
  const now = x.now;
  const ms = (sec: number) => state.clock.ms(sec);
  const op = (
    name: string,
    span: number,
    tasks: string[],
    during: ServerOp["during"],
    after: ServerOp["after"],
    patch: Partial<Server> = {},
  ) =>
    servers(state).put(
      logged({ ...s, ...patch, op: { action: name, at: now, until: now + ms(span), tasks, during, after } }, name, now, userId),
    );
  const locked = () => lockedRefusal(s, x);
  switch (action) {
    case "resize": {
      const ref = body.resize?.flavorRef;
      if (!body.resize || typeof body.resize !== "object" || ref === undefined)
        return novaFault(
          400,
          `Invalid input for field/attribute resize. Value: ${JSON.stringify(body.resize)}. 'flavorRef' is a required property`,
        );
      const refused = locked() ?? invalidState(s, st, "resize", ["active", "stopped"]);
      if (refused) return refused;
      const f = flavors(state).get(String(ref));
      if (!f || f.disabled) return novaFault(400, `Flavor ${ref} could not be found.`);
      if (f.id === s.flavorId) return novaFault(400, "When resizing, instances must change flavor!");
      if (f.disk === 0 && s.flavor.disk !== 0 && s.imageId)
        return novaFault(400, "Server disk was unable to be resized because: Resize to zero disk flavor is not allowed.");
      const stopped = st.vm_state === "stopped";
      const flavor = {
        vcpus: f.vcpus,
        ram: f.ram,
        disk: f.disk,
        ephemeral: f.ephemeral,
        swap: f.swap,
        original_name: f.name,
        extra_specs: f.extraSpecs,
      };
      op(
        "resize",
        SPAN.resize,
        ["resize_prep", "resize_migrating", "resize_migrated", "resize_finish"],
        { ...asNow(st), status: "RESIZE" },
        { status: "VERIFY_RESIZE", vm_state: "resized", power_state: stopped ? 4 : 1 },
        { flavorId: f.id, flavor, oldFlavor: { id: s.flavorId, flavor: s.flavor } },
      );
      return accepted();
    }
    case "confirmResize":
    case "revertResize": {
      const refused = locked() ?? invalidState(s, st, action, ["resized"]);
      if (refused) return refused;
      const after = st.power_state === 4 ? STOPPED : ACTIVE;
      if (action === "confirmResize") {
        servers(state).put(logged({ ...s, oldFlavor: null, op: { ...s.op!, until: now, after } }, action, now, userId));
        return new Response(null, { status: 204 });
      }
      const old = s.oldFlavor ?? { id: s.flavorId, flavor: s.flavor };
      op(action, SPAN.revertResize, ["resize_reverting"], { ...asNow(st), status: "REVERT_RESIZE" }, after, {
        flavorId: old.id,
        flavor: old.flavor,
        oldFlavor: null,
      });
      return accepted();
    }
    case "rebuild": {
      const r = body.rebuild;
      if (!r || typeof r !== "object" || typeof r.imageRef !== "string")
        return novaFault(400, `Invalid input for field/attribute rebuild. Value: ${JSON.stringify(r)}. 'imageRef' is a required property`);
      const refused = locked() ?? invalidState(s, st, "rebuild", ["active", "stopped", "error"]);
      if (refused) return refused;
      const img = glanceImages(state).get(r.imageRef);
      if (!img || (img.visibility === "private" && img.owner !== x.projectId && !x.admin) || img.status !== "active")
        return novaFault(400, "Cannot find image for rebuild");
      if (!s.imageId && r.imageRef !== s.imageId && !atLeast(x.v, "2.93"))
        return novaFault(400, `Image ${r.imageRef} is unacceptable: Unable to rebuild with a different image for a volume-backed server.`);
      op(
        "rebuild",
        SPAN.rebuild,
        ["rebuilding", "rebuild_block_device_mapping", "rebuild_spawning"],
        { ...asNow(st), status: "REBUILD" },
        st.vm_state === "stopped" ? STOPPED : ACTIVE,
        s.imageId ? { imageId: img.id } : {},
      );
      return json({ server: { id: s.id, status: "REBUILD", adminPass: randomBytes(9).toString("base64url").slice(0, 12) } }, 202);
    }
    case "shelve": {
      const refused = locked() ?? invalidState(s, st, "shelve", ["active", "stopped", "paused", "suspended"]);
      if (refused) return refused;
      op(
        "shelve",
        SPAN.shelve,
        ["shelving", "shelving_image_pending_upload", "shelving_image_uploading", "shelving_offloading"],
        asNow(st),
        { status: "SHELVED_OFFLOADED", vm_state: "shelved_offloaded", power_state: 0 },
      );
      return accepted();
    }
    case "unshelve": {
      const refused = locked() ?? invalidState(s, st, "unshelve", ["shelved", "shelved_offloaded"]);
      if (refused) return refused;
      op("unshelve", SPAN.unshelve, ["unshelving", "spawning"], asNow(st), ACTIVE);
      return accepted();
    }
    case "rescue": {
      const extra =
        body.rescue &&
        typeof body.rescue === "object" &&
        Object.keys(body.rescue).find((k) => !["adminPass", "rescue_image_ref"].includes(k));
      if (extra)
        return novaFault(
          400,
          `Invalid input for field/attribute rescue. Value: ${pyRepr(body.rescue)}. Additional properties are not allowed ('${extra}' was unexpected)`,
        );
      const refused = locked() ?? invalidState(s, st, "rescue", ["active", "stopped", "error"]);
      if (refused) return refused;
      if (!s.imageId) return novaFault(400, `Instance ${s.id} cannot be rescued: Cannot rescue a volume-backed instance`);
      op("rescue", SPAN.rescue, ["rescuing"], asNow(st), { status: "RESCUE", vm_state: "rescued", power_state: 1 });
      return json({ adminPass: randomBytes(9).toString("base64url").slice(0, 12) });
    }
    case "unrescue": {
      const refused = locked() ?? invalidState(s, st, "unrescue", ["rescued"]);
      if (refused) return refused;
      op("unrescue", SPAN.unrescue, ["unrescuing"], asNow(st), ACTIVE);
      return accepted();
    }
    case "lock": {
      // Before 2.73 the body is not validated and a reason is ignored (measured on Zed).
      const reason = atLeast(x.v, "2.73") && body.lock && typeof body.lock === "object" ? body.lock.locked_reason : undefined;
      // compute/api.py lock: an owner locking a locked instance changes nothing and records no action.
      const owner = s.projectId === x.projectId;
      if (s.lock && owner) return accepted();
      servers(state).put(logged({ ...s, lock: { reason: reason ?? null, byAdmin: !owner } }, "lock", now, userId));
      return accepted();
    }
    case "unlock": {
      if (s.lock?.byAdmin && !x.admin) return policyRefusal("os_compute_api:os-lock-server:unlock:unlock_override");
      servers(state).put(logged({ ...s, lock: null }, "unlock", now, userId));
      return accepted();
    }
  }
  return undefined;
}
