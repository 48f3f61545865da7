import { z } from "zod";

export const JOB_RUN_STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] as const;

export const listJobRunsInput = z
  .object({
    status: z.enum(JOB_RUN_STATUSES).optional(),
    functionId: z.string().optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();

export const listJobEventsInput = z
  .object({
    name: z.string().trim().max(200).optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();

export const jobRunIdInput = z.object({ runId: z.string().min(1) }).strict();
