import type { Db } from "./db";

/** A typed collection of JSON documents of one kind, backed by the `docs` table. */
export interface Collection<T extends { id: string }> {
  get(id: string): T | undefined;
  put(doc: T): T;
  remove(id: string): boolean;
  all(): T[];
  find(pred: (doc: T) => boolean): T | undefined;
  filter(pred: (doc: T) => boolean): T[];
  count(): number;
  /** Bumped by every put and remove of this kind (and by clear): a derived index is stale when it changed. */
  generation(): number;
}

export interface DocStore {
  collection<T extends { id: string }>(kind: string): Collection<T>;
  meta: { get(key: string): string | undefined; set(key: string, value: string): void };
  transaction<R>(fn: () => R): R;
  clear(): void;
}

export function createDocStore(db: Db): DocStore {
  const getStmt = db.prepare("SELECT body FROM docs WHERE kind = ? AND id = ?");
  const putStmt = db.prepare("INSERT OR REPLACE INTO docs (kind, id, body) VALUES (?, ?, ?)");
  const delStmt = db.prepare("DELETE FROM docs WHERE kind = ? AND id = ?");
  const allStmt = db.prepare("SELECT body FROM docs WHERE kind = ? ORDER BY rowid");
  const countStmt = db.prepare("SELECT COUNT(*) AS n FROM docs WHERE kind = ?");
  const metaGet = db.prepare("SELECT value FROM meta WHERE key = ?");
  const metaSet = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  const generations = new Map<string, number>();
  let cleared = 0;
  const bump = (kind: string) => generations.set(kind, (generations.get(kind) ?? 0) + 1);

  function collection<T extends { id: string }>(kind: string): Collection<T> {
    const all = () => (allStmt.all(kind) as { body: string }[]).map((r) => JSON.parse(r.body) as T);
    return {
      get(id) {
        const row = getStmt.get(kind, id) as { body: string } | undefined;
        return row ? (JSON.parse(row.body) as T) : undefined;
      },
      put(doc) {
        putStmt.run(kind, doc.id, JSON.stringify(doc));
        bump(kind);
        return doc;
      },
      remove(id) {
        bump(kind);
        return delStmt.run(kind, id).changes > 0;
      },
      all,
      find: (pred) => all().find(pred),
      filter: (pred) => all().filter(pred),
      count: () => (countStmt.get(kind) as { n: number }).n,
      generation: () => cleared * 1e9 + (generations.get(kind) ?? 0),
    };
  }

  return {
    collection,
    meta: {
      get: (key) => (metaGet.get(key) as { value: string } | undefined)?.value,
      set: (key, value) => void metaSet.run(key, value),
    },
    transaction: (fn) => db.transaction(fn)(),
    clear: () => {
      db.exec("DELETE FROM docs; DELETE FROM meta;");
      cleared++;
    },
  };
}
