// Why a row of an import is not imported: stable codes (in the report and the counts) and the
// words people read.
export const IMPORT_REASONS = {
  missing_phone: "No phone number",
  invalid_phone: "Not a valid phone number",
  invalid_email: "Not a valid email address",
  invalid_time_zone: "Unknown time zone",
  invalid_tag: "Not a valid tag",
  invalid_custom_field: "Value does not fit the custom field",
  invalid_unsubscribed: "Unsubscribed is not yes or no",
  too_long: "Value too long",
  column_count: "Wrong number of columns",
  malformed_row: "Not valid CSV",
  duplicate: "Same number as an earlier row",
} as const;

export type ImportReason = keyof typeof IMPORT_REASONS;
