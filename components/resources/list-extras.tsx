"use client";

/**
 * What a list page shows only sometimes (ResourceListPage), behind one lazy load so the first load carries one loader:
 * the notices for a partial answer, and the poller for transitional rows.
 */
export { default as ListNotices } from "./list-notices";
export { default as LiveRows } from "./live-rows";
