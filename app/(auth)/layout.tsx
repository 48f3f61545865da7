import type { ReactNode } from "react";
import { MessageSquareText } from "lucide-react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-xl font-semibold">
        <MessageSquareText className="h-6 w-6 text-brand-600" aria-hidden />
        Textstack
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
