"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export const BOOT_STEPS = ["source", "flavor", "networks", "security", "review"] as const;
export type BootStep = (typeof BOOT_STEPS)[number];
export type BootSourceType = "image" | "instance-snapshot" | "volume" | "volume-snapshot";

/** The launch wizard's draft: what the user chose so far. Server data stays in the query cache. */
export interface BootDraft {
  step: BootStep;
  name: string;
  count: number;
  source: { type: BootSourceType; id: string } | null;
  /** The "Create new volume" toggle. */
  createVolume: boolean;
  /** GiB; null means "the minimum the plan computes". */
  volumeSize: number | null;
  volumeType: string | null;
  deleteOnTermination: boolean;
  flavorId: string | null;
  networkIds: string[];
  securityGroups: string[];
  keyName: string | null;
  /** The server launched from this draft, while its progress is shown. */
  launched: { serverId: string; name: string } | null;
}

export const EMPTY_DRAFT: BootDraft = {
  step: "source", name: "", count: 1, source: null, createVolume: false, volumeSize: null, volumeType: null,
  deleteOnTermination: true, flavorId: null, networkIds: [], securityGroups: ["default"], keyName: null, launched: null,
};

interface BootWizardState extends BootDraft {
  update: (patch: Partial<BootDraft>) => void;
  toggleIn: (field: "networkIds" | "securityGroups", value: string) => void;
  reset: () => void;
}

/** Persisted in sessionStorage, so a reload keeps the draft but a new tab starts fresh. */
export const useBootWizardStore = create<BootWizardState>()(
  persist(
    (set) => ({
      ...EMPTY_DRAFT,
      update: (patch) => set(patch),
      toggleIn: (field, value) =>
        set((s) => ({ [field]: s[field].includes(value) ? s[field].filter((x) => x !== value) : [...s[field], value] })),
      reset: () => set(EMPTY_DRAFT),
    }),
    {
      name: "zenith.boot-wizard",
      storage: createJSONStorage(() => sessionStorage),
      version: 1,
      partialize: ({ update: _u, toggleIn: _t, reset: _r, ...draft }) => draft,
    },
  ),
);
