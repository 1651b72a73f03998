import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fakePublicKey, sshFingerprint } from "./keypair-key";

// A real ed25519 public key (ssh-keygen -t ed25519) and its MD5 fingerprint (ssh-keygen -l -E md5).
const ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJDCAG4CJZGpBNmE1rRMSWuBnnQaWcy/TrRf8GE/10NI zenith@test";

describe("sshFingerprint", () => {
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
