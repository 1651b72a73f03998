import { api } from "@/lib/api/client";
import { ApiError, request } from "@/lib/api/errors";
import type { ImageCreate } from "./images";

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Puts a file's bytes into an image through the BFF's streamed Glance upload (PUT /api/openstack/image/images/{id}/file:
 * no size limit, never buffered). XMLHttpRequest, because fetch reports no upload progress. Never retried.
 */
export function putImageData(id: string, file: Blob, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/openstack/image/images/${encodeURIComponent(id)}/file`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-Zenith-Request", "1");
    xhr.setRequestHeader("X-Request-Id", `req-${crypto.randomUUID()}`);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "network", message: "The upload was interrupted." }));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Creates the image record, then streams the file into it; answers the new image's id. */
export async function uploadImage(fields: ImageCreate, file: Blob, onProgress: (p: UploadProgress) => void, signal?: AbortSignal) {
  const created = await request(api.POST("/api/images", { body: fields }));
  try {
    await putImageData(created.id, file, onProgress, signal);
  } catch (e) {
    // A record whose upload failed or was cancelled stays queued for good: remove it (best effort).
    await api.DELETE("/api/images/{id}", { params: { path: { id: created.id } } }).catch(() => undefined);
    throw e;
  }
  return created.id;
}
