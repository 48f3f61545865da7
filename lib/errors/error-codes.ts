// Every error code the public API answers with, and its HTTP status. Codes are part of the API's
// contract: clients branch on them, so a code is never renamed or reused for something else.
// It sits with the domain's errors, below every layer, because a DomainError's reason is one of
// these codes (typed by them: a reason not listed here fails to compile); the API answers with it.
export const API_ERROR_STATUS = {
  // 400: the request itself is wrong
  invalid_json: 400,
  malformed_url: 400,
  invalid_parameter: 400,
  unknown_parameter: 400,
  unsupported_parameter: 400,
  invalid_phone_number: 400,
  invalid_send_at: 400,
  recipient_unsubscribed: 400,
  unknown_merge_field: 400,
  merge_field_without_value: 400,
  unknown_sender: 400,
  no_sender: 400,
  mms_not_supported: 400,
  media_not_found: 400,
  media_fetch_failed: 400,
  media_too_large: 400,
  invalid_url: 400,
  private_url: 400,
  unresolvable_url: 400,
  too_many_media: 400,
  batch_too_large: 400,
  too_many_endpoints: 400,
  // 401/403: who is asking, and may they
  missing_api_key: 401,
  invalid_api_key: 401,
  expired_api_key: 401,
  revoked_api_key: 401,
  insufficient_scope: 403,
  forbidden: 403,
  // 404/409/413/415/422/429/431: the resource, the method, the state of things, the request's size and type
  not_found: 404,
  verification_expired: 404,
  conflict: 409,
  contact_exists: 409,
  list_exists: 409,
  segment_exists: 409,
  message_not_cancelable: 409,
  campaign_status_conflict: 409,
  idempotency_key_in_use: 409,
  verification_not_pending: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  max_send_attempts_reached: 429,
  max_check_attempts_reached: 429,
  headers_too_large: 431,
  // 500: ours, never a stack trace
  internal_error: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
