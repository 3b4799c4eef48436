/**
 * A log that writes one line per kind of event per interval, however often it comes:
 * hostile traffic must not fill the disk or drown what matters. `kind` is fixed text
 * (a hostile client varies the details of `line`); the next line of a kind says how
 * many were left out before it.
 */
export function limitedLog(write: (line: string) => void, intervalMs = 60_000, now = () => Date.now()) {
  const last = new Map<string, { at: number; left: number }>();
  return (kind: string, line: string): void => {
    const time = now();
    const seen = last.get(kind);
    if (seen && time - seen.at < intervalMs) {
      seen.left++;
      return;
    }
    write(seen?.left ? `${line} (and ${seen.left} more of this kind since the last such line)` : line);
    last.set(kind, { at: time, left: 0 });
  };
}
