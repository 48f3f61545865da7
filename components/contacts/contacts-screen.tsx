"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { PageHeader } from "@/components/app/page-header";
import { ImportBanner } from "@/components/contact-import/import-banner";
import { ImportButton } from "@/components/contact-import/import-button";
import { AddContactDialog } from "@/components/contacts/add-contact-dialog";
import { ContactsBrowser } from "@/components/contacts/contacts-browser";
import { Button } from "@/components/ui/button";

/** The Contacts page: the table, and "Add contact" in the header and the empty state. */
export function ContactsScreen() {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you text, whether they have opted in or out, and what you know about them."
        actions={
          <>
            <ImportButton />
            <Button onClick={() => setAdding(true)}>
              <Plus className="h-4 w-4" aria-hidden /> Add contact
            </Button>
          </>
        }
      />
      <ImportBanner />
      <ContactsBrowser onAddContact={() => setAdding(true)} />
      <AddContactDialog open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
