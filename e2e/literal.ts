/** A name as a regular expression's literal text (for locators that match "<verb> <name>"). */
export const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
