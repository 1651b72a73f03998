"use client";

import { create } from "zustand";
import { BOOT_DRAFT_KEY, onBootDraftClear } from "./boot-draft";

export const BOOT_STEPS = ["source", "flavor", "networks", "security", "review"] as const;
export type BootStep = (typeof BOOT_STEPS)[number];
export type BootSourceType = "image" | "instance-snapshot" | "volume" | "volume-snapshot";

/** The launch wizard's draft: what the user chose so far. Server data stays in the query cache. */
export interface BootDraft {
  step: BootStep;
  name: string;
  /** As typed: null when empty. Never rounded or clamped; the shared schema says what is wrong. */
  count: number | null;
  source: { type: BootSourceType; id: string } | null;
  /** The "Create new volume" toggle. */
  createVolume: boolean;
  /** GiB as typed; null means "the minimum the plan computes". */
  volumeSize: number | null;
  volumeType: string | null;
  deleteOnTermination: boolean;
  flavorId: string | null;
  networkIds: string[];
  securityGroups: string[];
  keyName: string | null;
  /** The server launched from this draft, while its progress is shown. */
  launched: { serverId: string; name: string } | null;
  /** Fields the user has changed or left: their errors show from then on. */
  touched: string[];
  /** Steps the user pressed Next on (or jumped past): all their errors show. */
  attempted: BootStep[];
  /** Whose draft this is, "<user id>|<project id>": another user or project never sees it (a draft without one is dropped). */
  owner: string | null;
}

export const EMPTY_DRAFT: BootDraft = {
  step: "source",
  name: "",
  count: 1,
  source: null,
  createVolume: false,
  volumeSize: null,
  volumeType: null,
  deleteOnTermination: true,
  flavorId: null,
  networkIds: [],
  securityGroups: ["default"],
  keyName: null,
  launched: null,
  touched: [],
  attempted: [],
  owner: null,
};

export const draftOwner = (s: { user: { id: string }; project: { id: string } }) => `${s.user.id}|${s.project.id}`;

interface BootWizardState extends BootDraft {
  update: (patch: Partial<BootDraft>) => void;
  toggleIn: (field: "networkIds" | "securityGroups", value: string) => void;
  reset: () => void;
  touch: (field: string) => void;
  attempt: (step: BootStep) => void;
  /** Keeps the draft only if it belongs to this user and project; otherwise starts an empty one for them. */
  claim: (owner: string) => void;
}

const STORAGE_KEY = BOOT_DRAFT_KEY;
const STORAGE_VERSION = 1;

/** The draft kept in sessionStorage (as zustand's persist wrote it: `{ state, version }`), or null. */
function readDraft(): Partial<BootDraft> | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as { state?: Partial<BootDraft>; version?: number } | null;
    return saved?.version === STORAGE_VERSION && saved.state ? saved.state : null;
  } catch {
    return null;
  }
}

/**
 * Persisted in sessionStorage, so a reload keeps the draft but a new tab starts fresh. Read once when this module
 * loads in the browser, written on every change; the wizard renders the draft only once hydrated, so server and client
 * agree. (Twenty lines instead of zustand's persist middleware, which weighed a kilobyte of the page's first load.)
 */
export const useBootWizardStore = create<BootWizardState>()((set) => ({
  ...EMPTY_DRAFT,
  update: (patch) => set(patch),
  toggleIn: (field, value) =>
    set((s) => ({ [field]: s[field].includes(value) ? s[field].filter((x) => x !== value) : [...s[field], value] })),
  reset: () => set((s) => ({ ...EMPTY_DRAFT, owner: s.owner })),
  touch: (field) => set((s) => (s.touched.includes(field) ? {} : { touched: [...s.touched, field] })),
  attempt: (step) => set((s) => (s.attempted.includes(step) ? {} : { attempted: [...s.attempted, step] })),
  claim: (owner) => set((s) => (s.owner === owner ? {} : { ...EMPTY_DRAFT, owner })),
}));

// Sign-in and sign-out clear the draft through ./boot-draft, which every page loads without this store.
onBootDraftClear(() => useBootWizardStore.setState({ ...EMPTY_DRAFT }));

if (typeof window !== "undefined") {
  const saved = readDraft();
  if (saved) useBootWizardStore.setState(saved);
  useBootWizardStore.subscribe(({ update: _u, toggleIn: _t, reset: _r, touch: _to, attempt: _a, claim: _c, ...draft }) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ state: draft, version: STORAGE_VERSION }));
    } catch {
      // Storage full or denied: the draft lives on in memory for this page.
    }
  });
}
