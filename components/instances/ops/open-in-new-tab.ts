/**
 * Opens an empty tab within the user's click (a popup opened after an await is blocked), cut off from this page
 * (no `opener`), so the caller can point it at a URL it only gets from the server afterwards.
 */
export function openInNewTab(): Window | null {
  const tab = window.open("about:blank", "_blank");
  if (tab) tab.opener = null;
  return tab;
}
