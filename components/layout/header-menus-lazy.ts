import { lazyWithPreload } from "@/lib/lazy";

/** One header menu's items, by name (header-menu-items.tsx): fetched when a menu first opens, or on intent. */
export const HeaderMenuItems = lazyWithPreload(() => import("./header-menu-items").then((m) => m.HeaderMenuItems));

/** On intent over any header menu's trigger (pointer over, focus): fetch the menus' items. */
export const preloadHeaderMenus = (): void => void HeaderMenuItems.preload();
