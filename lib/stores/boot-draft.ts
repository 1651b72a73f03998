/**
 * The launch wizard's draft as the rest of the app sees it: its sessionStorage key and how to drop it. Apart from the
 * store (boot-wizard-store.ts) so that the session hooks, on every page, clear a draft without loading the wizard's
 * store with them; the store registers itself here when the wizard loads it.
 */

/** The sessionStorage key of the draft (e2e/pages/LaunchPage.ts `fresh()` removes it). */
export const BOOT_DRAFT_KEY = "zenith.boot-wizard";

let clearLoaded: (() => void) | null = null;

/** The store's own reset, registered when the store loads. */
export function onBootDraftClear(reset: () => void): void {
  clearLoaded = reset;
}

/** Drops every user's draft from this tab, in memory if the store is loaded and in storage: at sign-out and sign-in. */
export function clearBootDraft(): void {
  clearLoaded?.();
  try {
    sessionStorage.removeItem(BOOT_DRAFT_KEY);
  } catch {
    /* no storage: the memory copy is cleared */
  }
}
