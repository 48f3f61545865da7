"use client";
// "Save as segment": the view's filters (quick ones and the advanced rules) become a saved
// segment, evaluated at each use like any other.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BookmarkPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { contactsViewDefinition, type QuickFilters } from "@/lib/contacts/contact-filters";
import type { SegmentDefinition } from "@/lib/segments/rule-model";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function SaveAsSegmentButton({ quick, advanced, hasSearch }: { quick: QuickFilters; advanced: SegmentDefinition | null; hasSearch: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const definition = contactsViewDefinition(quick, advanced);
  const create = useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: async (segment) => {
        toast.success(`Saved the segment “${segment.name}”`);
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
        router.push(`/segments/${segment.id}`);
      },
    }),
  );
  const errors = formErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, definition });
  }

  if (definition.root.rules.length === 0) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <BookmarkPlus className="h-4 w-4" aria-hidden /> Save as segment
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          create.reset();
          setOpen(false);
        }}
        title="Save these filters as a segment"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            A segment is evaluated each time it is used, so it always holds the contacts that match now.
            {hasSearch && " The search box is not part of it: only the filters and rules are saved."}
          </p>
          <Field label="Name" error={errors.fields.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />
          </Field>
          <FormError>{errors.form ?? (errors.fields.definition || Object.entries(errors.fields).find(([k]) => k.startsWith("definition"))?.[1])}</FormError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save segment
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
