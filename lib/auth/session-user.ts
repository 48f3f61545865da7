// Who a request is signed in as, as the session says: what tRPC's context, server actions and the
// member helpers know of the user.
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}
