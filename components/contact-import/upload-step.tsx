"use client";
// Step 1: choose (or drop) a CSV file; it is sent as it is read, with the upload's progress, and the
// import's mapping step opens. Below: the org's recent imports.
import { useQuery } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatDateTime, formatNumber } from "@/components/app/format";
import { ImportStatusBadge } from "@/components/contact-import/import-status-badge";
import { ProgressBar } from "@/components/contact-import/import-progress";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/contacts/import/import-input";
import { useTRPC } from "@/lib/trpc/react";

function send(file: File, onProgress: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/contacts/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.floor((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as { id?: string; error?: { message: string } };
      if (xhr.status === 201 && body.id) resolve({ id: body.id });
      else reject(new Error(body.error?.message ?? `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    xhr.send(file);
  });
}

export function UploadStep() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) return setError(`${file.name} is larger than 200 MB, the most an import takes.`);
    setProgress(0);
    try {
      const { id } = await send(file, setProgress);
      router.push(`/contacts/import/${id}`);
    } catch (e) {
      setError((e as Error).message);
      setProgress(null);
    }
  }

  return (
    <div className="space-y-8">
      <Card
        className={dragging ? "border-brand-500 ring-2 ring-brand-500/30" : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void upload(e.dataTransfer.files[0]);
        }}
      >
        <div className="flex flex-col items-center gap-3 px-6 py-12 text-center">
          <Upload className="h-8 w-8 text-zinc-400" aria-hidden />
          <h2 className="text-base font-semibold">Upload a CSV file</h2>
          <p className="max-w-md text-sm text-zinc-500">
            One contact per row, with a header row naming the columns. Up to {formatNumber(MAX_IMPORT_ROWS)} rows or 200 MB; commas,
            semicolons or tabs; UTF-8 (in Excel: &ldquo;CSV UTF-8&rdquo;). Nothing is imported until you have checked the preview.
          </p>
          <input ref={input} type="file" accept=".csv,.tsv,.txt,text/csv" className="sr-only" aria-label="CSV file" onChange={(e) => void upload(e.target.files?.[0])} />
          {progress === null ? (
            <Button onClick={() => input.current?.click()}>Choose a file</Button>
          ) : (
            <div className="w-full max-w-sm space-y-1">
              <ProgressBar percent={progress} label="Upload" />
              <p className="text-xs text-zinc-500">Uploading… {progress}%</p>
            </div>
          )}
          <FormError>{error}</FormError>
        </div>
      </Card>
      <RecentImports />
    </div>
  );
}

function RecentImports() {
  const trpc = useTRPC();
  const imports = useQuery(trpc.contactImports.list.queryOptions());
  if (!imports.data?.length) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">Recent imports</h2>
      <Table>
        <thead>
          <tr>
            <Th>File</Th>
            <Th>Status</Th>
            <Th className="hidden sm:table-cell">Rows</Th>
            <Th className="hidden sm:table-cell">Uploaded</Th>
          </tr>
        </thead>
        <tbody>
          {imports.data.map((i) => (
            <tr key={i.id}>
              <Td className="max-w-48 truncate">
                <Link href={`/contacts/import/${i.id}`} className="font-medium text-brand-600 hover:underline">
                  {i.fileName}
                </Link>
              </Td>
              <Td card="badge">
                <ImportStatusBadge status={i.status} />
              </Td>
              <Td className="hidden sm:table-cell">{i.rowsTotal ? formatNumber(i.rowsTotal) : "—"}</Td>
              <Td className="hidden sm:table-cell">{formatDateTime(i.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
