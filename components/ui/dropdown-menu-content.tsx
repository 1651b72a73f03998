"use client";

import { useEffect, useRef, type ButtonHTMLAttributes, type HTMLAttributes, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { useMenu } from "./dropdown-menu";
import { Icon } from "./icon";

const itemSelector = '[role^="menuitem"]:not([aria-disabled="true"])';

export function DropdownMenuContent({
  className,
  align = "end",
  children,
  ...props
}: HTMLAttributes<HTMLDivElement> & { align?: "start" | "end" }) {
  const { open, setOpen, focusOnOpen, triggerRef, triggerId, contentId } = useMenu();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || !ref.current) return;
    const items = ref.current.querySelectorAll<HTMLElement>(itemSelector);
    const checked = ref.current.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? (focusOnOpen.current === "last" ? items[items.length - 1] : items[0]))?.focus();
  }, [open, focusOnOpen]);

  if (!open) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        move(at + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        move(at < 0 ? items.length - 1 : at - 1);
        break;
      case "Home":
        e.preventDefault();
        move(0);
        break;
      case "End":
        e.preventDefault();
        move(items.length - 1);
        break;
      case "Escape":
        e.preventDefault();
        setOpen(false);
        triggerRef.current?.focus();
        break;
      case "Tab":
        setOpen(false);
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLowerCase();
          const order = [...items.slice(at + 1), ...items.slice(0, at + 1)];
          order.find((el) => el.textContent?.trim().toLowerCase().startsWith(k))?.focus();
        }
    }
  };

  return (
    <div
      ref={ref}
      id={contentId}
      role="menu"
      aria-labelledby={triggerId}
      data-slot="dropdown-menu-content"
      onKeyDown={onKeyDown}
      className={cn(
        "absolute top-full z-50 mt-1 min-w-48 rounded-md border bg-surface p-1 text-sm shadow-lg",
        align === "end" ? "right-0" : "left-0",
        className,
      )}
      {...props}
    >
      {children}
    </div>
  );
}

type ItemProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onSelect"> & {
  onSelect?: () => void;
  /** Keep the menu open after selecting (defaults to closing it). */
  keepOpen?: boolean;
};

function useItemSelect(onSelect?: () => void, keepOpen?: boolean) {
  const { setOpen, triggerRef } = useMenu();
  return () => {
    onSelect?.();
    if (!keepOpen) {
      setOpen(false);
      triggerRef.current?.focus();
    }
  };
}

const itemClass =
  "flex w-full cursor-default select-none items-center gap-2 rounded-sm px-2 py-1.5 text-left outline-none hover:bg-muted focus:bg-muted disabled:opacity-50 aria-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0";

export function DropdownMenuItem({ className, onSelect, keepOpen, disabled, ...props }: ItemProps) {
  const select = useItemSelect(onSelect, keepOpen);
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      data-slot="dropdown-menu-item"
      className={cn(itemClass, className)}
      onClick={disabled ? undefined : select}
      {...props}
    />
  );
}

export function DropdownMenuRadioItem({
  className,
  checked,
  children,
  onSelect,
  keepOpen,
  disabled,
  ...props
}: ItemProps & { checked: boolean }) {
  const select = useItemSelect(onSelect, keepOpen);
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      data-slot="dropdown-menu-radio-item"
      className={cn(itemClass, "pr-2", className)}
      onClick={disabled ? undefined : select}
      {...props}
    >
      <span className="flex size-4 items-center justify-center">{checked ? <Icon name="check" /> : null}</span>
      {children}
    </button>
  );
}

export function DropdownMenuLabel({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      role="presentation"
      data-slot="dropdown-menu-label"
      className={cn("px-2 py-1.5 text-xs font-medium text-muted-foreground", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className }: { className?: string }) {
  return <div role="separator" data-slot="dropdown-menu-separator" className={cn("-mx-1 my-1 h-px bg-border", className)} />;
}
