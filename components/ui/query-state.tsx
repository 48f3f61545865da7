// What a section shows while its query loads or after it failed, so each section needs one line.
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p role="status" className="text-sm text-zinc-500">
      {label}
    </p>
  );
}

export function LoadError({ error }: { error: { message: string } }) {
  return (
    <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
      Could not load this: {error.message}
    </p>
  );
}
