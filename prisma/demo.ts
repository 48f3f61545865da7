// The demo organisation's login, printed by `npm start` and used by the end-to-end tests.
export const DEMO_LOGIN = { email: "demo@textstack.dev", password: "textstack-demo", name: "Dana Demo" } as const;
export const DEMO_ORG_NAME = "Demo Coffee Co.";
/** A second member of the demo org, so two people can work its inbox together (and the inbox e2e). */
export const DEMO_TEAMMATE = { email: "sam@textstack.dev", password: "textstack-demo", name: "Sam Teammate" } as const;
