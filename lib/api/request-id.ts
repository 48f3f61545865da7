// The id every public API answer carries in X-Request-Id (and a 500 in its body), to quote when
// reporting a problem: one per request, made where the request is first answered.
export const newRequestId = () => `req_${crypto.randomUUID().replaceAll("-", "")}`;
