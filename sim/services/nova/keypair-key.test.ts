import { describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { fakePublicKey, md5Colons, sshFingerprint } from "./keypair-key";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGSc/jOOVi7I10F5ZGWIzd3xr+YzCJXZ+9GpYXEMlD6T zenith-differential";

describe("sshFingerprint", () => {
  it("is the md5 of the decoded key blob, colon separated, as nova shows it", () => {
    const blob = Buffer.from(KEY.split(" ")[1], "base64");
    const hex = createHash("md5").update(blob).digest("hex");
    expect(sshFingerprint(KEY)).toBe(hex.match(/../g)!.join(":"));
    expect(sshFingerprint(KEY)).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  });
  it("refuses text that is not an OpenSSH public key", () => {
    expect(sshFingerprint("ssh-rsa not-a-key")).toBeNull();
    expect(sshFingerprint("")).toBeNull();
    expect(sshFingerprint("ssh-foo AAAAC3NzaC1lZDI1NTE5AAAAIGSc")).toBeNull();
    // A valid base64 blob whose embedded type is not the declared one.
    expect(sshFingerprint(`ssh-rsa ${KEY.split(" ")[1]}`)).toBeNull();
  });
  it("md5Colons formats any bytes", () => {
    expect(md5Colons(new Uint8Array())).toBe("d4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e");
  });
});

// A real ed25519 public key (ssh-keygen -t ed25519) and its MD5 fingerprint (ssh-keygen -l -E md5).
const ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJDCAG4CJZGpBNmE1rRMSWuBnnQaWcy/TrRf8GE/10NI zenith@test";

describe("sshFingerprint of a known key, and of the sim's generated keys", () => {
  it("takes the MD5 of the decoded blob, colon-separated", () => {
    expect(sshFingerprint(ED)).toBe("e0:9e:8a:b4:c3:88:47:e6:74:25:9d:9b:0d:19:f6:b7");
    expect(sshFingerprint(ED)).toBe(sshFingerprint(ED.replace(" zenith@test", "")));
  });
  it("refuses what Nova cannot load: garbage, unknown types, a blob of another type", () => {
    expect(sshFingerprint("not a key")).toBeNull();
    expect(sshFingerprint("ssh-foo AAAA")).toBeNull();
    expect(sshFingerprint(ED.replace("ssh-ed25519", "ssh-rsa"))).toBeNull();
    expect(sshFingerprint("ssh-rsa !!!")).toBeNull();
  });
  it("accepts the sim's generated keys", () => {
    expect(sshFingerprint(fakePublicKey("ssh-rsa", randomBytes(64)))).not.toBeNull();
  });
});
