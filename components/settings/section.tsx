import { useId, type ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled block of a settings page; the heading names the region for screen readers. */
export function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-zinc-500">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function SectionCard({ children }: { children: ReactNode }) {
  return <Card className="p-5">{children}</Card>;
}
