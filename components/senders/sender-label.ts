/** A sender number as choices name it: "Main line (+14155550100)", or the bare number without a label. */
export const senderLabel = (s: { label: string | null; address: string }) => (s.label ? `${s.label} (${s.address})` : s.address);
