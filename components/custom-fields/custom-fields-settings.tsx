"use client";
// Custom fields: the org's extra contact attributes. Everyone sees them; admins add and delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { AddCustomFieldForm } from "@/components/custom-fields/add-custom-field-form";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Section, SectionCard } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { CUSTOM_FIELD_TYPE_LABELS } from "@/lib/custom-fields/custom-field-input";
import { hasRole } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CustomFieldsSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.org.current.queryOptions());
  const fields = useQuery(trpc.customFields.list.queryOptions());
  const [deleting, setDeleting] = useState<{ id: string; label: string; key: string } | null>(null);
  const remove = useMutation(
    trpc.customFields.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const isAdmin = hasRole(org.data?.role, "ADMIN");

  return (
    <>
      <Section
        title="Custom fields"
        description={
          <>
            Extra facts you keep about each contact, such as a birthday or a loyalty tier. Use one in a message by
            its key: <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{"{{custom.key}}"}</code>, for example{" "}
            <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{"{{custom.loyalty_tier}}"}</code>, with what to say when a contact has
            no value after a bar: <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{"{{custom.loyalty_tier|member}}"}</code>.
          </>
        }
      >
        {fields.isPending ? (
          <Loading />
        ) : fields.isError ? (
          <LoadError error={fields.error} />
        ) : fields.data.length === 0 ? (
          <EmptyState
            title="No custom fields yet"
            description={isAdmin ? "Add one below to store it on contacts and use it in messages." : "Admins can add custom fields."}
          />
        ) : (
          <Table aria-label="Custom fields">
            <thead>
              <tr>
                <Th>Label</Th>
                <Th>Key</Th>
                <Th>Type</Th>
                {isAdmin && <Th className="w-0"><span className="sr-only">Actions</span></Th>}
              </tr>
            </thead>
            <tbody>
              {fields.data.map((field) => (
                <tr key={field.id}>
                  <Td className="font-medium">{field.label}</Td>
                  <Td>
                    <code className="text-xs">{`{{custom.${field.key}}}`}</code>
                  </Td>
                  <Td>
                    <Badge>{CUSTOM_FIELD_TYPE_LABELS[field.type]}</Badge>
                  </Td>
                  {isAdmin && (
                    <Td>
                      <Button variant="ghost" size="icon" aria-label={`Delete field ${field.label}`} onClick={() => setDeleting(field)}>
                        <Trash2 className="h-4 w-4" aria-hidden />
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>

      {isAdmin && (
        <Section title="Add a custom field">
          <SectionCard>
            <AddCustomFieldForm />
          </SectionCard>
        </Section>
      )}

      <ConfirmDialog
        open={deleting != null}
        title={`Delete the field ${deleting?.label ?? ""}?`}
        confirmLabel="Delete field"
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const { id, label } = deleting;
          remove.mutate({ id }, { onSuccess: () => toast.success(`Deleted the field ${label}`) });
        }}
        onClose={() => setDeleting(null)}
      >
        Contacts will no longer show <code>{`{{custom.${deleting?.key ?? ""}}}`}</code>, and messages that use it are refused. Values
        already stored on contacts are kept, and come back if you add a field with the same key again.
      </ConfirmDialog>
    </>
  );
}
