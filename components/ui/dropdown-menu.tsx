"use client";

import {
  createContext,
  Suspense,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { cn } from "@/lib/cn";

type Focus = "first" | "last";
interface MenuCtx {
  open: boolean;
  setOpen: (open: boolean, focus?: Focus) => void;
  focusOnOpen: RefObject<Focus>;
  triggerRef: RefObject<HTMLButtonElement | null>;
  triggerId: string;
  contentId: string;
}
const Ctx = createContext<MenuCtx | null>(null);
/** The open menu's state, for the parts in dropdown-menu-content.tsx. */
export const useMenu = () => {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("DropdownMenu parts must be inside <DropdownMenu>");
  return ctx;
};

/** A WAI-ARIA menu button: arrows move, Home/End jump, Escape closes and returns focus, Tab leaves. */
export function DropdownMenu({ children, className }: { children: ReactNode; className?: string }) {
  const [open, setOpenState] = useState(false);
  const focusOnOpen = useRef<Focus>("first");
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const setOpen = (next: boolean, focus: Focus = "first") => {
    focusOnOpen.current = focus;
    setOpenState(next);
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpenState(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <Ctx.Provider value={{ open, setOpen, focusOnOpen, triggerRef, triggerId: `${id}-trigger`, contentId: `${id}-menu` }}>
      <div ref={rootRef} data-slot="dropdown-menu" className={cn("relative", className)}>
        {children}
      </div>
    </Ctx.Provider>
  );
}

export function DropdownMenuTrigger({ className, onKeyDown, onClick, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const { open, setOpen, triggerRef, triggerId, contentId } = useMenu();
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    onKeyDown?.(e);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true, e.key === "ArrowUp" ? "last" : "first");
    }
  };
  return (
    <button
      ref={triggerRef}
      id={triggerId}
      type="button"
      aria-haspopup="menu"
      aria-expanded={open}
      aria-controls={open ? contentId : undefined}
      data-slot="dropdown-menu-trigger"
      data-state={open ? "open" : "closed"}
      className={className}
      onClick={(e) => {
        onClick?.(e);
        setOpen(!open);
      }}
      onKeyDown={onKey}
      {...props}
    />
  );
}

/**
 * Renders its children only while the menu is open, inside a Suspense boundary: the menu's items
 * (dropdown-menu-content.tsx and what a menu puts in it) can then be a lazy component that loads on first open, or
 * on intent, not with the page.
 */
export function DropdownMenuWhenOpen({ children }: { children: ReactNode }) {
  return useMenu().open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
