"use client";
// A campaign before it sends: name, message (merge fields, media) or an A/B test's variants and how
// they are used, audience, sender or pool, when, and the opt-out language. A new one is created by "Review plan"; from then on every valid edit is
// saved as it pauses and the plan beside it is read again. Send (or Schedule) asks first, naming how
// many it goes to.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { zodFormErrors } from "@/components/app/form-state";
import { formatCount } from "@/components/app/format";
import { AudiencePicker } from "@/components/campaigns/audience-picker";
import { CampaignPlan } from "@/components/campaigns/campaign-plan";
import type { CampaignView } from "@/components/campaigns/campaign-types";
import { OptOutPicker } from "@/components/campaigns/opt-out-picker";
import { SchedulePicker } from "@/components/campaigns/schedule-picker";
import { SenderPicker } from "@/components/campaigns/sender-picker";
import { VariantsEditor, type MessageDraft } from "@/components/campaigns/variants-editor";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { EMPTY_COMPOSE, type ComposeValue } from "@/components/messaging/compose-box";
import { viewerTimeZone } from "@/components/segments/definition-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { campaignSlug } from "@/lib/links/add-utm";
import { createCampaignInput, type Audience, type OptOutChoice, type Schedule } from "@/lib/campaigns/campaign-input";
import { DEFAULT_OPT_OUT_LANGUAGE } from "@/lib/orgs/sending-rules-input";
import { smartEncode } from "@/lib/sms/smart-encoding";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

interface Draft {
  name: string;
  message: MessageDraft;
  audience: Audience;
  senderIds: string[];
  schedule: Schedule;
  appendOptOut: OptOutChoice;
  utmParameters: boolean;
}

const EMPTY_AUDIENCE: Audience = { include: { listIds: [], segmentIds: [] }, exclude: { listIds: [], segmentIds: [] } };

/** The text as it will be sent (smart-encoded when the switch is on). */
const sentText = (c: ComposeValue) => (c.smartEncoding ? smartEncode(c.body).text : c.body);

/** What is saved: the message, or the variants (A's is the campaign's body on the server) and their test. */
function inputOf(draft: Draft) {
  const { compose, variants, abTest } = draft.message;
  return {
    name: draft.name,
    body: sentText(compose),
    mediaIds: compose.media.map((m) => m.id),
    audience: draft.audience,
    senderIds: draft.senderIds,
    schedule: draft.schedule,
    appendOptOut: draft.appendOptOut,
    variants: variants.map((v) => ({ body: sentText(v), mediaIds: v.media.map((m) => m.id) })),
    abTest,
    trackLinks: draft.message.trackLinks,
    utmParameters: draft.utmParameters,
  };
}

/** A saved campaign's message as the editor holds it, each attachment found among the campaign's media. */
function messageOf(saved: CampaignView | undefined, media: ComposeValue["media"]): MessageDraft {
  const composeOf = (body: string, ids: string[]): ComposeValue => ({ ...EMPTY_COMPOSE, body, media: media.filter((m) => ids.includes(m.id)) });
  // Links are tracked unless the campaign said not to.
  if (!saved) return { compose: EMPTY_COMPOSE, variants: [], abTest: null, trackLinks: true };
  const { trackLinks } = saved;
  if (saved.variants.length) return { compose: EMPTY_COMPOSE, variants: saved.variants.map((v) => composeOf(v.body, v.mediaIds)), abTest: saved.abTest, trackLinks };
  return { compose: composeOf(saved.body, saved.mediaIds), variants: [], abTest: null, trackLinks };
}

export function CampaignEditor({ saved }: { saved?: CampaignView }) {
  const trpc = useTRPC();
  const withMedia = Boolean(saved && [saved.mediaIds, ...saved.variants.map((v) => v.mediaIds)].some((ids) => ids.length > 0));
  const media = useQuery({ ...trpc.campaigns.media.queryOptions({ id: saved?.id ?? "" }), enabled: withMedia });
  if (withMedia && !media.data) return null;
  return <Editor saved={saved} media={media.data ?? []} />;
}

function Editor({ saved, media }: { saved?: CampaignView; media: ComposeValue["media"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const viewerZone = viewerTimeZone();
  const senders = useQuery(trpc.messages.senders.queryOptions());
  const org = useQuery(trpc.org.current.queryOptions());
  const [draft, setDraft] = useState<Draft>(() => ({
    name: saved?.name ?? "",
    message: messageOf(saved, media),
    audience: saved?.audience ?? EMPTY_AUDIENCE,
    senderIds: saved?.senderIds ?? [],
    schedule: saved?.schedule ?? { kind: "now" },
    appendOptOut: saved?.appendOptOut ?? "first",
    utmParameters: saved?.utmParameters ?? true,
  }));
  // The first sender by default, once they are known.
  if (!saved && draft.senderIds.length === 0 && senders.data?.[0]) setDraft({ ...draft, senderIds: [senders.data[0].id] });
  const [tried, setTried] = useState(Boolean(saved));
  const [confirming, setConfirming] = useState(false);
  const input = inputOf(draft);
  const check = createCampaignInput.safeParse(input);
  const clientErrors: FormErrors = check.success ? { fields: {}, form: null } : zodFormErrors(check.error);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
  const create = useMutation(
    trpc.campaigns.create.mutationOptions({
      onSuccess: async (campaign) => {
        await refresh();
        router.replace(`/campaigns/${campaign.id}`);
      },
    }),
  );
  const update = useMutation(trpc.campaigns.update.mutationOptions({ onSuccess: refresh }));
  const send = useMutation(
    trpc.campaigns.schedule.mutationOptions({
      onSuccess: async (campaign) => {
        setConfirming(false);
        toast.success(campaign.status === "SCHEDULED" ? `Scheduled “${campaign.name}”` : `Sending “${campaign.name}”`);
        await refresh();
      },
      onError: () => setConfirming(false),
    }),
  );

  // A saved draft: each valid edit is saved once typing pauses.
  const current = JSON.stringify(input);
  const settled = useDebouncedValue(current, 600);
  const lastSaved = useRef(current);
  const { mutate: save } = update;
  useEffect(() => {
    if (!saved || settled === lastSaved.current) return;
    const parsed = createCampaignInput.safeParse(JSON.parse(settled));
    if (!parsed.success) return;
    lastSaved.current = settled;
    save({ id: saved.id, ...parsed.data });
  }, [saved, settled, save]);

  const plan = useQuery({ ...trpc.campaigns.plan.queryOptions({ id: saved?.id ?? "" }, { retry: false }), enabled: Boolean(saved) });
  const serverErrors = formErrors(update.error ?? create.error ?? send.error ?? plan.error);
  const shown = tried ? { ...serverErrors.fields, ...clientErrors.fields } : serverErrors.fields;
  // The server names the list or segment it refuses (audience.include.listIds.0); the picker shows it.
  const audienceError = Object.entries(shown).find(([field]) => field === "audience" || field.startsWith("audience."))?.[1];
  const editing = current !== settled || update.isPending;
  const sendLabel = draft.schedule.kind === "now" ? "Send now" : "Schedule";

  function review() {
    setTried(true);
    if (check.success) create.mutate(input);
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-1">
        <Card className="space-y-4 p-4">
          <Field label="Campaign name" error={shown.name}>
            <Input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder="e.g. Spring sale" maxLength={120} />
          </Field>
          <VariantsEditor
            value={draft.message}
            onChange={(message) => setDraft({ ...draft, message })}
            errors={shown}
            linkOptions={
              <label className="ml-6 flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand-600" checked={draft.utmParameters} onChange={(e) => setDraft({ ...draft, utmParameters: e.target.checked })} />
                <span className="min-w-0">
                  <span className="font-medium">Add UTM parameters</span>
                  <span className="block break-words text-xs text-zinc-500">
                    utm_source=textstack, utm_medium=sms, utm_campaign={campaignSlug(draft.name || "campaign")} (a link&apos;s own are kept)
                  </span>
                </span>
              </label>
            }
          />
          <OptOutPicker value={draft.appendOptOut} onChange={(appendOptOut) => setDraft({ ...draft, appendOptOut })} language={org.data ? (org.data.optOutLanguage ?? DEFAULT_OPT_OUT_LANGUAGE) : undefined} />
        </Card>
        <Card className="p-4">
          <AudiencePicker value={draft.audience} onChange={(audience) => setDraft({ ...draft, audience })} error={audienceError} />
        </Card>
        <Card className="space-y-4 p-4">
          <SenderPicker senders={senders.data} value={draft.senderIds} onChange={(senderIds) => setDraft({ ...draft, senderIds })} error={shown.senderIds} />
          <SchedulePicker value={draft.schedule} onChange={(schedule) => setDraft({ ...draft, schedule })} viewerZone={viewerZone} error={shown.schedule} />
        </Card>
      </div>
      <aside className="min-w-0 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
        {saved ? (
          plan.data ? (
            <CampaignPlan campaignId={saved.id} plan={plan.data} stale={editing || plan.isFetching} />
          ) : (
            <Card className="p-4 text-sm text-zinc-500">{plan.isError ? "The plan could not be made: fix what is marked." : "Planning…"}</Card>
          )
        ) : (
          <Card className="p-4 text-sm text-zinc-500">
            Review the plan before anything is sent: who gets it, who is skipped and why, segments and cost with each contact&apos;s merge
            fields, and when it finishes.
          </Card>
        )}
      </aside>
      {/* After the plan on a phone, so it is read before Send; under the form beside it on a wide screen. */}
      <div className="space-y-2 lg:col-start-1 lg:row-start-2">
        {serverErrors.form && <FormError>{serverErrors.form}</FormError>}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {saved ? (
            <>
              <span className="text-xs text-zinc-500" aria-live="polite">
                {update.isPending ? "Saving…" : editing ? "Unsaved changes" : "Draft saved"}
              </span>
              <Button onClick={() => setConfirming(true)} disabled={editing || !check.success || !plan.data || plan.data.recipients === 0 || Boolean(plan.data.abTest?.tooFew)}>
                {sendLabel}…
              </Button>
            </>
          ) : (
            <Button onClick={review} loading={create.isPending}>
              Review plan
            </Button>
          )}
        </div>
      </div>
      {saved && plan.data && (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={() => send.mutate({ id: saved.id })}
          title={`${sendLabel}: ${draft.name}`}
          confirmLabel={draft.schedule.kind === "now" ? `Send to ${formatCount(plan.data.recipients, "recipient")}` : "Schedule"}
          cancelLabel="Not yet"
          confirmVariant="primary"
          pending={send.isPending}
        >
          {formatCount(plan.data.recipients, "contact")} will get this text; {formatCount(Object.values(plan.data.skipped).reduce((a, b) => a + b, 0), "contact")}{" "}
          are skipped. Once it starts it can be paused or canceled, not undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
