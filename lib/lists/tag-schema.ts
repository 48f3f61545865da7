// A contact's tag as every input takes it (contact forms, imports, bulk tagging, keyword rules):
// lower case, trimmed, a few safe characters.
import { z } from "zod";

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Tags cannot be empty")
  .max(40, "Tags are at most 40 characters")
  .regex(/^[\p{L}\p{N} _\-.:]+$/u, "Tags use letters, digits, spaces and - _ . :");
