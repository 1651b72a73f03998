import { create } from "zustand";

interface SidebarState {
  /** The navigation drawer on narrow screens; wide screens always show the sidebar. */
  mobileOpen: boolean;
  setMobileOpen: (open: boolean) => void;
}

export const useSidebarStore = create<SidebarState>()((set) => ({
  mobileOpen: false,
  setMobileOpen: (mobileOpen) => set({ mobileOpen }),
}));
