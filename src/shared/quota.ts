// A storage area refused a write because it is full. Chrome says "Resource::kQuotaBytes quota exceeded"
// (or kQuotaBytesPerItem), Firefox "QuotaExceededError: … exceeded its quota limitations". Chrome's
// limit on writes per minute or hour to storage.sync also says "quota", but room would not help there.
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text) && !/MAX_WRITE_OPERATIONS/i.test(text);
}
