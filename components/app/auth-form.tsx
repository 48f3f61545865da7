"use client";
// The sign-in and sign-up forms: server actions with field errors beside their inputs.
import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInAction, signUpAction, type AuthFormState } from "@/lib/auth/actions";

const initial: AuthFormState = { error: null, fields: {} };

export function AuthForm({ mode, next }: { mode: "sign-in" | "sign-up"; next?: string }) {
  const [state, action, pending] = useActionState(mode === "sign-in" ? signInAction : signUpAction, initial);
  const signUp = mode === "sign-up";
  // React resets a form after its action runs, which would empty what was typed (the password too)
  // when the server refuses it. Dispatching the action ourselves skips that reset; `action=` stays
  // for a submit before hydration.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-lg font-semibold">{signUp ? "Create your account" : "Sign in to Textstack"}</h1>
      <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
        {next && <input type="hidden" name="next" value={next} />}
        {signUp && (
          <Field label="Name" error={state.fields.name}>
            <Input name="name" autoComplete="name" defaultValue={state.values?.name} required />
          </Field>
        )}
        <Field label="Email" error={state.fields.email}>
          <Input name="email" type="email" autoComplete="email" defaultValue={state.values?.email} required />
        </Field>
        <Field label="Password" error={state.fields.password} hint={signUp ? "At least 8 characters" : undefined}>
          <Input name="password" type="password" autoComplete={signUp ? "new-password" : "current-password"} required />
        </Field>
        <FormError>{state.error}</FormError>
        <Button type="submit" className="w-full justify-center" loading={pending}>
          {signUp ? "Create account" : "Sign in"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-zinc-500">
        {signUp ? "Already have an account? " : "New to Textstack? "}
        <Link
          className="font-medium text-brand-600 hover:underline"
          href={`${signUp ? "/sign-in" : "/sign-up"}${next ? `?next=${encodeURIComponent(next)}` : ""}`}
        >
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </Card>
  );
}
