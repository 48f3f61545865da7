// The Contacts page's "Import" action.
import { Upload } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export function ImportButton() {
  return (
    <Link href="/contacts/import" className={buttonClass({ variant: "secondary" })}>
      <Upload className="h-4 w-4" aria-hidden /> Import
    </Link>
  );
}
