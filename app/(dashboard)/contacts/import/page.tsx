import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { ImportStepper } from "@/components/contact-import/import-stepper";
import { UploadStep } from "@/components/contact-import/upload-step";

export const metadata: Metadata = { title: "Import contacts" };

export default function ImportContactsPage() {
  return (
    <>
      <PageHeader title="Import contacts" description="Bring your contacts in from a CSV file: map its columns, check the preview, then import." />
      <ImportStepper current="Upload" />
      <UploadStep />
    </>
  );
}
