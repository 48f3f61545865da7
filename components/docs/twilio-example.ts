// The docs page's Twilio-compatible example, in a module of its own so a test can run it as pasted
// (tests/integration/api/twilio-compat.test.ts). It sends no From: a made-up number would be refused
// as not the reader's (21606); left out, the message goes from the organisation's first sender.
export function twilioExample(base: string, to: string): string {
  return `import twilio from "twilio";

// Account SID from the Developers page; an API key (tsk_live_...) as the password.
const client = twilio(process.env.TEXTSTACK_ACCOUNT_SID, process.env.TEXTSTACK_API_KEY, {
  accountSid: process.env.TEXTSTACK_ACCOUNT_SID,
});
client.api.baseUrl = "${base}";

// Without from, it goes from your organisation's first sender number; to choose one, add
// from: "+1...", a number of yours from Settings → Senders.
const message = await client.messages.create({ to: "${to}", body: "Hi!" });
console.log(message.sid, message.status);`;
}
