/** Key pairs and flavors through the BFF, on both targets (each test removes the key pairs it made). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nanoid } from "nanoid";
import { target } from "../../../tests/target";
import { createAgent } from "../../test/test-app";
import { KeypairCreatedSchema, KeypairListSchema } from "../../features/keypairs/schema";
import { FlavorListSchema } from "../../features/flavors/schema";

// A real ed25519 public key and its MD5 fingerprint (ssh-keygen -l -E md5).
const PUBLIC = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJDCAG4CJZGpBNmE1rRMSWuBnnQaWcy/TrRf8GE/10NI zenith@test";
const FINGERPRINT = "e0:9e:8a:b4:c3:88:47:e6:74:25:9d:9b:0d:19:f6:b7";

describe(`key pairs and flavors (${target.name})`, () => {
  const a = createAgent();
  const tag = `zt-kp-${nanoid(6)}`;
  const made: string[] = [];
  beforeAll(() => a.login("demo"));
  afterAll(async () => {
    for (const name of made) await a.request("DELETE", `/api/keypairs/${encodeURIComponent(name)}`);
  });

  it("needs a session", async () => {
    const anon = createAgent();
    expect((await anon.get("/api/keypairs")).status).toBe(401);
    expect((await anon.get("/api/flavors")).status).toBe(401);
  });

  it("creates a key pair, answering the private key once; a second create of the name is Nova's 409", async () => {
    const name = `${tag}-gen`;
    const res = await a.post("/api/keypairs", { name });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push(name);
    const k = KeypairCreatedSchema.parse(res.body);
    expect(k.privateKey).toMatch(/^-----BEGIN (RSA |OPENSSH )?PRIVATE KEY-----/);
    const list = await a.get("/api/keypairs");
    expect(KeypairListSchema.parse(list.body).items.find((x) => x.name === name)).toEqual({
      name,
      fingerprint: k.fingerprint,
      type: "ssh",
    });
    expect(JSON.stringify(list.body)).not.toContain("PRIVATE KEY");
    const dup = await a.post("/api/keypairs", { name });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "upstream_conflict", service: "compute" });
  });

  it("imports a public key with Nova's fingerprint, and deletes it", async () => {
    const name = `${tag}-imp`;
    const res = await a.post("/api/keypairs", { name, publicKey: PUBLIC });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push(name);
    expect(res.body).toEqual({ name, fingerprint: FINGERPRINT, type: "ssh", privateKey: null });
    expect((await a.request("DELETE", `/api/keypairs/${name}`)).status).toBe(204);
    const gone = await a.request("DELETE", `/api/keypairs/${name}`);
    expect(gone.status).toBe(404);
    expect(gone.body.service).toBe("compute");
  });

  it("refuses a malformed key or name at the field", async () => {
    const key = await a.post("/api/keypairs", { name: `${tag}-bad`, publicKey: "ssh-rsa not-base64!" });
    expect(key.status).toBe(400);
    expect(key.body.field).toBe("body.publicKey");
    const name = await a.post("/api/keypairs", { name: "a/b" });
    expect(name.status).toBe(400);
    expect(name.body.field).toBe("body.name");
  });

  it("lists flavors read-only, smallest first", async () => {
    const res = await a.get("/api/flavors");
    expect(res.status).toBe(200);
    const items = FlavorListSchema.parse(res.body).items;
    expect(items.map((f) => f.name)).toContain("m1.tiny");
    expect(items[0].vcpus).toBeLessThanOrEqual(items[items.length - 1].vcpus);
    expect((await a.post("/api/flavors", {})).status).toBe(404);
  });
});
