import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { novaFault } from "./errors";
import { flavors, keypairs } from "./model";
import { flavorView, type ViewCtx } from "./view";
import { randomBytes } from "node:crypto";
import { atLeast } from "../common/microversion";
import { policyRefusal } from "./admin";
import { fakePublicKey, sshFingerprint } from "./keypair-key";
import { pyDict } from "../common/pyrepr";

type Ctx = (c: Context<any>) => ViewCtx;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** /flavors and /os-keypairs. */
export function registerFlavorsAndKeypairs(app: Hono<any>, state: SimState, ctx: Ctx) {
  const list = (c: Context<any>, detail: boolean) => {
    const x = ctx(c);
    let all = flavors(state).filter((f) => f.isPublic || x.admin);
    const minDisk = c.req.query("minDisk"),
      minRam = c.req.query("minRam");
    if (minDisk) all = all.filter((f) => f.disk >= Number(minDisk));
    if (minRam) all = all.filter((f) => f.ram >= Number(minRam));
    all.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
    return json({ flavors: all.map((f) => flavorView(x, f, detail)) });
  };
  app.get("/flavors", (c) => list(c, false));
  app.get("/flavors/detail", (c) => list(c, true));
  app.get("/flavors/:id", (c) => {
    const f = flavors(state).get(c.req.param("id"));
    return f ? json({ flavor: flavorView(ctx(c), f, true) }) : novaFault(404, `Flavor ${c.req.param("id")} could not be found.`);
  });
  app.get("/flavors/:id/os-extra_specs", (c) => {
    const f = flavors(state).get(c.req.param("id"));
    return f ? json({ extra_specs: f.extraSpecs }) : novaFault(404, `Flavor ${c.req.param("id")} could not be found.`);
  });

  const kpView = (k: { name: string; publicKey: string; fingerprint: string; type: string }, v: ViewCtx) => ({
    name: k.name,
    public_key: k.publicKey,
    fingerprint: k.fingerprint,
    ...(v.v.minor >= 2 ? { type: k.type } : {}),
  });
  /** The key pairs' owner: the caller, or from 2.10 the user_id an admin names (anyone else naming another user: 403). */
  const ownerOf = (c: Context<any>, rule: string): string | Response => {
    const own: string = c.get("auth").userId;
    const named = atLeast(ctx(c).v, "2.10") ? c.req.query("user_id") : undefined;
    if (!named || named === own) return own;
    return ctx(c).admin ? named : policyRefusal(`os_compute_api:os-keypairs:${rule}`);
  };
  app.get("/os-keypairs", (c) => {
    const x = ctx(c);
    const uid = ownerOf(c, "index");
    if (uid instanceof Response) return uid;
    return json({
      keypairs: keypairs(state)
        .filter((k) => k.userId === uid)
        .map((k) => ({ keypair: kpView(k, x) })),
    });
  });
  app.get("/os-keypairs/:name", (c) => {
    const uid = ownerOf(c, "show");
    if (uid instanceof Response) return uid;
    const k = keypairs(state).get(`${uid}:${c.req.param("name")}`);
    if (!k) return novaFault(404, `Keypair ${c.req.param("name")} not found for user ${uid}`);
    return json({
      keypair: {
        ...kpView(k, ctx(c)),
        user_id: uid,
        created_at: new Date(k.created).toISOString().replace("Z", "000"),
        deleted: false,
        deleted_at: null,
        updated_at: null,
        id: 1,
      },
    });
  });
  app.post("/os-keypairs", async (c) => {
    const body = (await c.req.json().catch(() => null))?.keypair;
    if (!body?.name || !/^[a-zA-Z0-9 _.-]{1,255}$/.test(body.name))
      return novaFault(400, "Invalid input for field/attribute name. Value: " + (body?.name ?? "None") + ". 'name' is a required property");
    // 2.92: nova no longer generates key pairs; the public key is required by the schema.
    if (body.public_key === undefined && atLeast(ctx(c).v, "2.92"))
      return novaFault(400, `Invalid input for field/attribute keypair. Value: ${pyDict(body)}. 'public_key' is a required property`);
    const uid = c.get("auth").userId;
    if (keypairs(state).get(`${uid}:${body.name}`)) return novaFault(409, `Key pair '${body.name}' already exists.`);
    const generated = !body.public_key;
    const publicKey = generated ? fakePublicKey("ssh-rsa", randomBytes(270)) : String(body.public_key);
    const fingerprint = sshFingerprint(publicKey);
    if (!fingerprint) return novaFault(400, "Keypair data is invalid: failed to generate fingerprint");
    const k = {
      id: `${uid}:${body.name}`,
      name: body.name,
      userId: uid,
      publicKey,
      fingerprint,
      type: (body.type ?? "ssh") as "ssh",
      created: state.clock.now(),
    };
    keypairs(state).put(k);
    const out: Record<string, unknown> = { ...kpView(k, ctx(c)), user_id: uid };
    if (generated)
      out.private_key = `-----BEGIN RSA PRIVATE KEY-----\n${randomBytes(600).toString("base64")}\n-----END RSA PRIVATE KEY-----\n`;
    return json({ keypair: out }, ctx(c).v.minor >= 2 ? 201 : 200);
  });
  app.delete("/os-keypairs/:name", (c) => {
    const uid = ownerOf(c, "delete");
    if (uid instanceof Response) return uid;
    if (!keypairs(state).remove(`${uid}:${c.req.param("name")}`))
      return novaFault(404, `Keypair ${c.req.param("name")} not found for user ${uid}`);
    return new Response(null, { status: ctx(c).v.minor >= 2 ? 204 : 202 });
  });
}
