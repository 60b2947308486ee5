/** Marks a role's home whose working tools arrive in a later release, saying what they will be. */
export function ComingNext({ items }: { items: string[] }) {
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
      <h2 className="font-semibold text-slate-800">Arriving in the next release</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-600">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
