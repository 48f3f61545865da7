"use client";
// A number field that lets the marketer type freely ("-", "1.") and reports a number only when
// the text is one; the rule holds no value (and says so) while it is not.
import { useState, type InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";

const parse = (text: string) => (text.trim() === "" || !Number.isFinite(Number(text)) ? undefined : Number(text));

export function NumberInput({
  value,
  onValue,
  ...props
}: { value: number | undefined; onValue: (value: number | undefined) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type">) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  // Follow the rule when it changes from outside (another operator, a duplicate, an undo).
  if (parse(text) !== value && !(value === undefined && text.trim() !== "" && parse(text) === undefined)) {
    setText(value === undefined ? "" : String(value));
  }
  return (
    <Input
      {...props}
      type="text"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parse(e.target.value));
      }}
    />
  );
}
