// How a request says which org it works in: a header from the browser's tRPC client (the org the
// page was rendered for), else the cookie the org switcher sets.
export const ACTIVE_ORG_COOKIE = "ts_org";
export const ACTIVE_ORG_HEADER = "x-textstack-org";
