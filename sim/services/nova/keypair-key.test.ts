import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { md5Colons, sshFingerprint } from "./keypair-key";

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
