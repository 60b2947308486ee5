/** The answer to a press, on two lines kept for it so nothing moves when it arrives. */
export function ActionAnswer({ message }: { message?: { ok: boolean; text: string } }) {
  return (
    <p role="status" className={`mt-2 min-h-10 text-sm font-medium ${message?.ok ? "text-green-800" : "text-red-700"}`}>
      {message?.text ?? ""}
    </p>
  );
}
