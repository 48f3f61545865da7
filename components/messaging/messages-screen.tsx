"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { PageHeader } from "@/components/app/page-header";
import { MessagesBrowser } from "@/components/messaging/messages-browser";
import { NewMessagePanel } from "@/components/messaging/new-message-panel";
import { Button } from "@/components/ui/button";

/** The Messages page: "New message" above the log of everything sent and received. */
export function MessagesScreen() {
  const [composing, setComposing] = useState(false);
  return (
    <>
      <PageHeader
        title="Messages"
        description="Every text sent and received, with its delivery status."
        actions={
          !composing && (
            <Button onClick={() => setComposing(true)}>
              <Plus className="h-4 w-4" aria-hidden /> New message
            </Button>
          )
        }
      />
      {composing && <NewMessagePanel onClose={() => setComposing(false)} />}
      <MessagesBrowser onNewMessage={() => setComposing(true)} />
    </>
  );
}
