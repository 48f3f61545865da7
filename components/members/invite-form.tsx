"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { InviteLink } from "@/components/members/invite-link";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { Role } from "@/lib/generated/prisma/enums";
import { inviteInput } from "@/lib/members/member-input";
import { canManageMember, ROLE_LABELS, ROLES } from "@/lib/members/roles";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function InviteForm({ myRole }: { myRole: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<{ email: string; url: string } | null>(null);
  // Admins cannot create owners, so they cannot invite one either.
  const roles = ROLES.filter((r) => canManageMember(myRole, "MEMBER", r));
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (invitation) => {
        setCreated({ email: invitation.email, url: invitation.url });
        setEmail("");
        toast.success(`Invitation created for ${invitation.email}`);
        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = inviteInput.safeParse({ email, role });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    setCreated(null);
    invite.mutate(parsed.data, {
      onError: (error) => {
        setErrors(formErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Invite someone" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <Field label="Email" error={errors.fields.email}>
            <Input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" required />
          </Field>
          <Field label="Role" error={errors.fields.role}>
            <Select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <FormError>{errors.form}</FormError>
        <Button type="submit" loading={invite.isPending}>
          Create invitation
        </Button>
      </form>
      {created && <InviteLink email={created.email} url={created.url} />}
    </div>
  );
}
