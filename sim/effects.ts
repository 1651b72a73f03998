import type { SimState } from "./core/state";
import type { CephEffects } from "./services/ceph/dashboard";
import { purgeGoneVolumes } from "./services/cinder/ops";

/**
 * The sim's cross-service effects, in one place: a lower service announces (Ceph below Cinder below Nova), and the
 * service that owns the effect reacts here, so no service imports one above it (.dependency-cruiser.cjs).
 */
export function cephEffects(state: SimState): CephEffects {
  // Volumes Nova deleted after a failed build are purged lazily; the dashboard must not show their RBD images.
  return { beforeBlockRequest: () => purgeGoneVolumes(state) };
}
