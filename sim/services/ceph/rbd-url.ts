/** rbd://fsid/pool/image/snap → parts, or the reason nova's/cinder's _parse_location rejects it. */
export function parseRbdUrl(url: string): { fsid: string; pool: string; image: string; snap: string } | string {
  const prefix = "rbd://";
  if (!url.startsWith(prefix)) return `${url} is not stored in rbd`;
  const pieces = url.slice(prefix.length).split("/").map(decodeURIComponent);
  if (pieces.some((p) => p === "")) return `${url} contains blank components`;
  if (pieces.length !== 4) return `${url} is not an rbd snapshot`;
  const [fsid, pool, image, snap] = pieces;
  return { fsid, pool, image, snap };
}
