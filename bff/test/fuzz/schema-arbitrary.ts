import fc from "fast-check";

/**
 * JSON Schema (as an OpenAPI 3.1 document carries it) → fast-check arbitraries, generically: each schema keyword
 * maps onto fast-check's own combinators, nothing is written per route. No maintained package does this for
 * fast-check 4 (json-schema-fast-check pins fast-check 1; zod-fast-check wants zod 3 and fast-check < 4).
 *
 * - `valid(schema)`: values the schema accepts;
 * - `hostile(schema)`: values it should refuse — the wrong type, a bound crossed, a required property missing, an
 *   unknown property, huge and deeply nested values, unicode — at the top or at one property deep inside.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
};
export interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Strings that have broken parsers, logs, SQL, shells, paths and headers elsewhere. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e/%2e%2e",
  "..\\..\\windows",
  "/dev/zero",
  "%00",
  "a\u0000b",
  "x\r\nSet-Cookie: zenith=evil",
  "x%0d%0aSet-Cookie:%20evil",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "$(reboot)",
  "`id`",
  "\u202Eevil",
  "\uFEFF",
  "\uD800",
  "😀".repeat(50),
  "Ω≈ç√∫",
  "表ポあA鷗ŒéＢ逍Üßªąñ丂㐀𠀀",
  "ﷺ",
  "\t\n\v\f\r",
  "http://169.254.169.254/latest/meta-data/",
  "//evil.example",
  "/%09/evil.example",
  "${jndi:ldap://x}",
  "{{7*7}}",
];

/** Whole JSON values of every type, for "the wrong type here". */
const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(...NASTY_STRINGS),
    fc.array(fc.integer(), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  );

/** A very long string (up to `max` characters), built by repetition so a 1 MiB value costs no generation time. */
export const hugeString = (max: number) =>
  fc.tuple(fc.nat({ max }), fc.constantFrom("a", "é", "😀", "\u0000", "%")).map(([n, ch]) => ch.repeat(n));
/** JSON text nested up to `max` levels deep, arrays or objects, built as text (no stack needed to make it). */
export const deepText = (max: number) =>
  fc
    .tuple(fc.integer({ min: 100, max }), fc.boolean())
    .map(([depth, arrays]) => (arrays ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));
/** A value nested `depth` levels deep, arrays or objects (kept within what JSON.stringify can walk). */
export const deepValue = (max: number) =>
  fc.tuple(fc.integer({ min: 100, max }), fc.boolean()).map(([depth, arrays]) => {
    let v: unknown = "leaf";
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });

export function createSchemaArbitraries(doc: OpenApiDoc) {
  const resolve = (s: Schema): Schema => {
    if (!s.$ref) return s;
    const name = s.$ref.replace("#/components/schemas/", "");
    const found = doc.components?.schemas?.[name];
    if (!found) throw new Error(`unresolved $ref ${s.$ref}`);
    return resolve(found);
  };
  const typeOf = (s: Schema): string | undefined => {
    if (Array.isArray(s.type)) return s.type.find((t) => t !== "null");
    if (s.type) return s.type;
    if (s.properties) return "object";
    if (s.items) return "array";
    return undefined;
  };

  function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alts = s.anyOf ?? s.oneOf;
    if (alts) return fc.oneof(...alts.map((a) => valid(a, depth + 1)));
    if (s.allOf)
      return fc
        .tuple(...s.allOf.map((a) => valid(a, depth + 1)))
        .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === "object")));
    switch (typeOf(s)) {
      case "string": {
        if (s.pattern)
          return fc
            .stringMatching(new RegExp(s.pattern))
            .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
        if (s.format === "uuid") return fc.uuid();
        if (s.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        return fc
          .string({ unit: "grapheme", minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) })
          .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
      }
      case "integer":
        return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
      case "number":
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(depth > 4 ? fc.constant(null) : valid(s.items ?? {}, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, 4),
        });
      case "object": {
        const props = s.properties ?? {};
        const required = s.required ?? [];
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, p] of Object.entries(props)) model[k] = depth > 4 ? fc.constant(null) : valid(p, depth + 1);
        return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
      }
      default:
        return anyJson();
    }
  }

  /** The wrong type or a crossed bound for this schema, the value itself (not inside it). */
  function offSchema(schema: Schema): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const t = typeOf(s);
    const bounds: fc.Arbitrary<unknown>[] = [anyJson().filter((v) => jsonType(v) !== t && !(t === "number" && jsonType(v) === "integer"))];
    if (s.enum) bounds.push(fc.string({ maxLength: 12 }).filter((v) => !s.enum!.includes(v)));
    if (t === "string") {
      if (s.maxLength !== undefined) bounds.push(hugeString(s.maxLength * 4 + 10).filter((v) => v.length > s.maxLength!));
      if (s.minLength) bounds.push(fc.constant(""));
      if (s.pattern) bounds.push(fc.constantFrom(...NASTY_STRINGS).filter((v) => !new RegExp(s.pattern!).test(v)));
      if (s.format === "uuid") bounds.push(fc.constantFrom(...NASTY_STRINGS));
    }
    if (t === "integer" || t === "number") {
      if (s.maximum !== undefined) bounds.push(fc.integer({ min: s.maximum + 1, max: Number.MAX_SAFE_INTEGER }));
      if (s.minimum !== undefined) bounds.push(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: s.minimum - 1 }));
      if (t === "integer") bounds.push(fc.double({ noNaN: true, noInteger: true, noDefaultInfinity: true }));
    }
    if (t === "array") {
      if (s.maxItems !== undefined) bounds.push(fc.nat({ max: 3 }).map((n) => Array.from({ length: s.maxItems! + 1 + n }, () => "x")));
      if (s.minItems) bounds.push(fc.constant([]));
      if (s.items) bounds.push(fc.array(offSchema(s.items), { minLength: 1, maxLength: 3 }));
    }
    return fc.oneof(...bounds);
  }

  /** Something the schema should refuse: off-schema at the top, or in one property of an otherwise valid object. */
  function hostile(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const base = [offSchema(s), hugeString(64 * 1024), deepValue(2_000), fc.constantFrom(...NASTY_STRINGS)];
    if (typeOf(s) !== "object" || depth > 3) return fc.oneof(...base);
    const props = Object.keys(s.properties ?? {});
    const required = (s.required ?? []).filter((k) => props.includes(k));
    const mutations: fc.Arbitrary<unknown>[] = [
      // One property replaced by something hostile for it (recursively: a nested object gets a hostile property).
      ...(props.length
        ? [
            fc
              .tuple(valid(s), fc.constantFrom(...props))
              .chain(([obj, key]) => hostile(s.properties![key], depth + 1).map((bad) => ({ ...(obj as object), [key]: bad }))),
          ]
        : []),
      // A required property missing.
      ...(required.length
        ? [
            fc.tuple(valid(s), fc.constantFrom(...required)).map(([obj, key]) => {
              const copy = { ...(obj as Record<string, unknown>) };
              delete copy[key];
              return copy;
            }),
          ]
        : []),
      // Unknown and prototype-polluting properties.
      fc
        .tuple(valid(s), fc.constantFrom("__proto__", "constructor", "zenithUnknown", "isAdmin", "token"), anyJson())
        .map(([obj, key, v]) => ({ ...(obj as object), [key]: v })), // a computed __proto__ key is an own property
    ];
    return fc.oneof(...mutations, ...base);
  }

  return { valid, hostile, offSchema, resolve };
}

export function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
