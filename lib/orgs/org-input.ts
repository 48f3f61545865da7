import { z } from "zod";
import { getCountries } from "libphonenumber-js";

const countries = new Set<string>(getCountries());

export const orgFields = {
  name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => countries.has(c), "Choose a country (two-letter code such as US or GB)"),
};

export const createOrgInput = z.object(orgFields).strict();
export type CreateOrgInput = z.input<typeof createOrgInput>;
export const updateOrgInput = z.object(orgFields).partial().strict();
