// The demo organisation's login, printed by `npm start` and used by the end-to-end tests.
export const DEMO_LOGIN = { email: "demo@textstack.dev", password: "textstack-demo", name: "Dana Demo" } as const;
export const DEMO_ORG_NAME = "Demo Coffee Co.";
