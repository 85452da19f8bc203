const KB = 1024;
const MB = 1024 * KB;

/**
 * A file's size as people read it: "820 B", "576 KB", "5.8 MB" (binary units, as file managers
 * on Windows show them; the same symbols in Korean).
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}
