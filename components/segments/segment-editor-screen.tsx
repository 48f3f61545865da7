"use client";
// A segment's page (or a new one's): name, description, the zone its days are read in, the rule
// builder, and beside it the live count and first matching contacts; save and delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { formatCount } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { ExportButton } from "@/components/contacts/export-button";
import { checkDefinition, serverRuleErrors, viewerTimeZone } from "@/components/segments/definition-errors";
import { newGroup } from "@/components/segments/rule-tree";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { SegmentPreview, useSegmentPreview } from "@/components/segments/segment-preview";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { SegmentDefinition } from "@/lib/segments/rule-model";
import { allTimeZones } from "@/lib/sms/time-zone";
import { errorMessage, formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

// "UTC" first: not every engine lists it among its zones.
const timeZoneOptions = () => ["UTC", ...allTimeZones().filter((z) => z !== "UTC")];

interface Saved {
  id: string;
  name: string;
  description: string | null;
  definition: SegmentDefinition;
}

export function SegmentEditorScreen({ id }: { id?: string }) {
  const trpc = useTRPC();
  const segment = useQuery({ ...trpc.segments.get.queryOptions({ id: id ?? "" }, { retry: false }), enabled: id !== undefined });
  if (id === undefined) return <SegmentEditor />;
  if (segment.isPending || segment.isError) return <DetailPageState query={segment} noun="segment" back={{ href: "/segments", label: "Segments" }} />;
  return <SegmentEditor key={segment.data.id} saved={segment.data} />;
}

function SegmentEditor({ saved }: { saved?: Saved }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(saved?.name ?? "");
  const [description, setDescription] = useState(saved?.description ?? "");
  const [timeZone, setTimeZone] = useState(() => saved?.definition.timeZone ?? viewerTimeZone());
  const [root, setRoot] = useState(saved?.definition.root ?? newGroup());
  const [deleting, setDeleting] = useState(false);
  // Rules waiting for a value wait quietly until saving is tried.
  const [triedSave, setTriedSave] = useState(false);
  const { definition, errors } = checkDefinition(timeZone, root);
  const live = useSegmentPreview(definition);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
  async function onSaved(result: { id: string; name: string }) {
    toast.success(saved ? `Saved “${result.name}”` : `Created the segment “${result.name}”`);
    await refresh();
    if (!saved) router.push(`/segments/${result.id}`);
  }
  const create = useMutation(trpc.segments.create.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.segments.update.mutationOptions({ onSuccess: onSaved }));
  const save = saved ? update : create;
  const del = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted the segment “${saved?.name ?? ""}”`);
        await refresh();
        router.push("/segments");
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const saveErrors = formErrors(save.error);
  const ruleErrors = errors.size > 0 ? errors : new Map([...serverRuleErrors(live.preview.error), ...serverRuleErrors(save.error)]);
  const definitionError = triedSave && ruleErrors.size > 0 ? "Fix the highlighted rules first" : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTriedSave(true);
    if (!definition) return;
    const input = { name, description: description.trim() || null, definition };
    if (saved) update.mutate({ id: saved.id, ...input });
    else create.mutate(input);
  }

  return (
    <div>
      <BackLink href="/segments" label="Segments" />
      <PageHeader
        title={saved ? saved.name : "New segment"}
        description="Saved segments are evaluated each time they are used (a send, an export, a count), so they always hold the contacts that match now."
        actions={
          saved && (
            <div className="flex flex-wrap gap-2">
              <ExportButton source={{ segmentId: saved.id }} />
              <Button variant="secondary" className="text-red-700 dark:text-red-400" onClick={() => setDeleting(true)}>
                <Trash2 className="h-4 w-4" aria-hidden /> Delete
              </Button>
            </div>
          )
        }
      />
      <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Card className="grid gap-4 p-4 sm:grid-cols-2">
            <Field label="Name" error={saveErrors.fields.name}>
              <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            </Field>
            <Field label="Dates are read in" hint="“On 2026-03-08” and “in the last 7 days” mean days in this time zone.">
              <Select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {timeZoneOptions().map((z) => (
                  <option key={z} value={z}>
                    {z.replaceAll("_", " ")}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="sm:col-span-2">
              <Field label="Description (optional)" error={saveErrors.fields.description}>
                <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
              </Field>
            </div>
          </Card>
          <Card className="p-3 sm:p-4">
            <h2 className="mb-3 text-sm font-semibold">Rules</h2>
            <SegmentBuilder root={root} onChange={setRoot} errors={ruleErrors} showIncomplete={triedSave} />
          </Card>
        </div>
        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <SegmentPreview definition={definition} {...live} />
          <FormError>{saveErrors.form ?? definitionError}</FormError>
          <Button type="submit" className="hidden w-full justify-center lg:flex" loading={save.isPending}>
            {saved ? "Save changes" : "Save segment"}
          </Button>
        </div>
        {/* On a phone the preview sits below the rules: the count and Save stay in view at the bottom. */}
        <div className="sticky bottom-0 -mx-4 flex items-center gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95">
          <p className={cn("flex-1 text-sm font-medium tabular-nums", live.waiting && "opacity-50")}>
            {live.preview.data ? `${formatCount(live.preview.data.count, "contact")} ${live.preview.data.count === 1 ? "matches" : "match"}` : "Counting…"}
          </p>
          <Button type="submit" loading={save.isPending}>
            {saved ? "Save changes" : "Save segment"}
          </Button>
        </div>
      </form>
      {saved && (
        <ConfirmDialog
          open={deleting}
          onClose={() => setDeleting(false)}
          onConfirm={() => del.mutate({ id: saved.id })}
          pending={del.isPending}
          title={`Delete the segment “${saved.name}”?`}
        >
          The segment&apos;s rules go; its contacts stay in your contacts.
        </ConfirmDialog>
      )}
    </div>
  );
}
