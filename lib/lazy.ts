import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export type PreloadableLazy<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

/**
 * React.lazy whose code can also be fetched ahead of rendering, on intent (pointer over, focus): for UI that the first
 * screen does not show (later wizard steps, a menu's items, a confirmation dialog), so it stays out of the first load.
 * A failed load is forgotten, so the next render or intent tries again.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableLazy<P> {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const get = () =>
    (pending ??= load().then(
      (component) => ({ default: component }),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  return Object.assign(lazy(get), { preload: () => get() });
}
