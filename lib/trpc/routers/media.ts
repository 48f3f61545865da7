import { mediaItems, mediaItemsInput } from "@/lib/media/media-items";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

// Uploads go through POST /api/media (the bytes are not JSON); this is what the pickers read back.
export const mediaRouter = createTRPCRouter({
  /** Saved attachments by id, with thumbnail URLs: a workflow step's media as its picker shows them. */
  items: orgProcedure.input(mediaItemsInput).query(({ ctx, input }) => mediaItems(ctx.org, input.ids)),
});
