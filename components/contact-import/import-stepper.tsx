// The import's steps, the current one marked; on a phone only the current step is named.
import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";

export const IMPORT_STEPS = ["Upload", "Map columns", "Options", "Preview", "Import", "Done"] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export function ImportStepper({ current }: { current: ImportStep }) {
  const index = IMPORT_STEPS.indexOf(current);
  return (
    <ol className="mb-6 flex items-center gap-2 text-sm" aria-label="Import steps">
      {IMPORT_STEPS.map((step, i) => (
        <li key={step} className="flex min-w-0 items-center gap-2" aria-current={i === index ? "step" : undefined}>
          <span
            className={cn(
              "flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
              i < index && "bg-brand-600 text-white",
              i === index && "border-2 border-brand-600 text-brand-700 dark:text-brand-100",
              i > index && "border border-zinc-300 text-zinc-500 dark:border-zinc-700",
            )}
          >
            {i < index ? <Check className="h-3.5 w-3.5" aria-hidden /> : i + 1}
          </span>
          <span className={cn("truncate", i === index ? "font-medium" : "hidden text-zinc-500 lg:inline")}>{step}</span>
          {i < IMPORT_STEPS.length - 1 && <span className="hidden h-px w-6 bg-zinc-300 lg:block dark:bg-zinc-700" aria-hidden />}
        </li>
      ))}
    </ol>
  );
}
