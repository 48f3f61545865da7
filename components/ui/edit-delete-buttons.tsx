"use client";
// A table row's Edit and Delete icon buttons, named after the row for screen readers.
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";

export function EditDeleteButtons({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <Button variant="ghost" size="icon" aria-label={`Edit ${name}`} onClick={onEdit}>
        <Pencil className="h-4 w-4" aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" aria-label={`Delete ${name}`} onClick={onDelete}>
        <Trash2 className="h-4 w-4" aria-hidden />
      </Button>
    </>
  );
}
