// The dry run's job side: the file staged, the preview counted, the import READY for its options;
// or FAILED with the reason people read (too many rows). Left alone if it was canceled meanwhile.
import { cleanUpImport } from "@/lib/contacts/import/clean-up-import";
import { computeImportPreview } from "@/lib/contacts/import/import-preview";
import { stageImport, TooManyRowsError } from "@/lib/contacts/import/stage-import";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";

export async function prepareImport(ctx: OrgContext, importId: string): Promise<{ status: string }> {
  const found = await ctx.db.contactImport.findUnique({ where: { id: importId }, select: { status: true } });
  if (found?.status !== "STAGING") return { status: found?.status ?? "MISSING" };
  try {
    await stageImport(ctx, importId);
  } catch (error) {
    if (!(error instanceof TooManyRowsError)) throw error;
    await ctx.db.contactImport.updateMany({ where: { id: importId, status: "STAGING" }, data: { status: "FAILED", error: error.message } });
    return { status: "FAILED" };
  }
  const preview = await computeImportPreview(ctx, importId);
  const { count } = await ctx.db.contactImport.updateMany({
    where: { id: importId, status: "STAGING" },
    data: { status: "READY", preview: preview as unknown as Prisma.InputJsonValue, rowsTotal: preview.rows },
  });
  if (count) return { status: "READY" };
  await cleanUpImport(ctx, importId);
  return { status: "CANCELED" };
}
