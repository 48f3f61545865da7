"use client";
import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { formatDate, formatNumber } from "@/components/app/format";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/lib/trpc/root";

export type ListRow = inferRouterOutputs<AppRouter>["lists"]["list"][number];

export function ListsTable({
  lists,
  onRename,
  onDelete,
}: {
  lists: ListRow[];
  onRename: (list: ListRow) => void;
  onDelete: (list: ListRow) => void;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="text-right">Members</Th>
          <Th>Created</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {lists.map((list) => (
          <tr key={list.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
            <Td className="font-medium">
              <Link href={`/lists/${list.id}`} className="hover:underline">
                {list.name}
              </Link>
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(list.memberCount)}</Td>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDate(list.createdAt)}</Td>
            <Td className="w-px whitespace-nowrap text-right">
              <Button variant="ghost" size="sm" onClick={() => onRename(list)}>
                <Pencil className="h-4 w-4" aria-hidden />
                Rename<span className="sr-only"> {list.name}</span>
              </Button>
              <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400" onClick={() => onDelete(list)}>
                <Trash2 className="h-4 w-4" aria-hidden />
                Delete<span className="sr-only"> {list.name}</span>
              </Button>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
