/** A horizontal audio level meter, announced as a meter to assistive technology. */
export function LevelBar({ label, level }: { label: string; level: number }) {
  const percent = Math.round(level * 100);
  return (
    <div className="phone-meter">
      <span>{label}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="phone-meter-track"
      >
        <div className="phone-meter-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
