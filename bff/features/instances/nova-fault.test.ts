import { describe, expect, it } from "vitest";
import { novaFaultReason } from "./nova-fault";

const S = "9168b536-cd40-4630-b43f-b259807c6e87";
const V = "2b955850-f177-45f7-9f49-ecb2c256d161";

describe("novaFaultReason", () => {
  it("reads VolumeNotCreated inside BuildAbortException: seconds, attempts and the volume status, no ids", () => {
    const r = novaFaultReason(
      `Build of instance ${S} aborted: Volume ${V} did not finish being created even after we waited 183 seconds or 61 attempts. And its status is downloading.`,
    );
    expect(r).toEqual({ code: "volume_not_created", params: { seconds: 183, attempts: 61, status: "downloading" } });
    expect(JSON.stringify(r)).not.toContain(S.slice(0, 8));
  });

  it("reads a VolumeNotCreated whose status Nova's 255-character cut removed", () => {
    const cut = `Build of instance ${S} aborted: Volume ${V} did not finish being created even after we waited 5 seconds or 2 attempts. And its sta`;
    expect(novaFaultReason(cut)).toEqual({ code: "volume_not_created_cut", params: { seconds: 5, attempts: 2 } });
  });

  it("tells NoValidHost from MaxRetriesExceeded", () => {
    expect(novaFaultReason("No valid host was found. There are not enough hosts available.").code).toBe("no_valid_host");
    expect(
      novaFaultReason(`Exceeded maximum number of retries. Exhausted all hosts available for retrying build failures for instance ${S}.`)
        .code,
    ).toBe("max_retries");
  });

  it("reads image failures: conversion (with the target format), not found, unacceptable", () => {
    expect(
      novaFaultReason(
        `Build of instance ${S} aborted: Image ${V} is unacceptable: Unable to convert image to raw: Unexpected error while running command.`,
      ),
    ).toEqual({ code: "image_conversion_failed", params: { format: "raw" } });
    expect(novaFaultReason(`Image ${V} is unacceptable: Converted to raw, but format is now qcow2`).code).toBe("image_conversion_failed");
    expect(novaFaultReason(`Image ${V} could not be found.`).code).toBe("image_not_found");
    expect(novaFaultReason(`Image ${V} is unacceptable: Image is not raw format`).code).toBe("image_unacceptable");
  });

  it("reads the flavor's too-small disk and a failed block device", () => {
    expect(
      novaFaultReason("Flavor's disk is too small for requested image. Flavor disk is 1073741824 bytes, image is 2147483648 bytes.").code,
    ).toBe("flavor_disk_too_small");
    expect(novaFaultReason(`Build of instance ${S} aborted: Failure prepping block device.`).code).toBe("block_device_failed");
  });

  it("falls back to the build step, then to unknown, for a reason it does not know", () => {
    expect(novaFaultReason(`Build of instance ${S} aborted: something new`)).toEqual({ code: "build_aborted", params: {} });
    expect(novaFaultReason(`Build of instance ${S} was re-scheduled: libvirt said no`).code).toBe("rescheduled");
    expect(novaFaultReason("Connection to libvirt lost: 1")).toEqual({ code: "unknown", params: {} });
  });
});
