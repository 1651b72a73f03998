import type { MessageKey } from "@/lib/i18n/translate";

export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];
export const THEME_COOKIE = "zenith-theme";

/** Each theme's name, as a message. */
export const themeLabel: Record<Theme, MessageKey> = {
  light: "header.themeLight",
  dark: "header.themeDark",
  system: "header.themeSystem",
};

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (themes as readonly string[]).includes(value);
}

/**
 * Runs in <head> before first paint. An explicit theme is already on <html>
 * (rendered by the server from the cookie); this resolves "system" from the
 * media query so a dark-OS user never sees a light flash.
 */
export const themeBootScript = `(function(){try{var d=document.documentElement;if(d.dataset.theme==="system"){d.classList.toggle("dark",matchMedia("(prefers-color-scheme: dark)").matches)}}catch(e){}})();`;
