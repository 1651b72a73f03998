/** Named shapes of the BFF contract, straight from the generated OpenAPI schema. */
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Session = Schemas["Session"];
export type Catalog = Schemas["Catalog"];
export type CatalogService = Schemas["CatalogService"];
export type AdminServices = Schemas["ServiceProbes"];
export type AdminService = Schemas["ServiceProbe"];
export type LoginBody = Schemas["Login"];
export type AuditLogPage = Schemas["AuditLog"];
export type AuditEntry = Schemas["AuditEntry"];
/** The error envelope every non-2xx BFF answer carries. */
export type ErrorEnvelope = Schemas["Error"];
