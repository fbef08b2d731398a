/** A determinate progress bar, read out as `text` ("120 of 300 articles"). */
export function ProgressBar({
  done,
  total,
  text,
  labelledBy,
  testId,
}: {
  done: number;
  total: number;
  text: string;
  labelledBy: string;
  testId: string;
}) {
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      className="import-bar"
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={text}
      data-testid={testId}
    >
      <div className="import-bar-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
