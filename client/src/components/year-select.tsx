/** "Tahun" for a report: this year and the two before (the registers and statistics keep no older pages in view). */
export function YearSelect({ value, onChange, className }: { value: number; onChange: (tahun: number) => void; className?: string }) {
  const now = new Date().getFullYear();
  return (
    <label className="inline-field">
      <span>Tahun</span>
      <select className={className} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[0, 1, 2].map((d) => (
          <option key={d} value={now - d}>
            {now - d}
          </option>
        ))}
      </select>
    </label>
  );
}
