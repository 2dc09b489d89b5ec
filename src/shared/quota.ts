// A storage area refused a write because it is full. Chrome says "Resource::kQuotaBytes quota exceeded"
// (or kQuotaBytesPerItem), Firefox "QuotaExceededError: … exceeded its quota limitations".
export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? `${error.name} ${error.message}` : String(error));
}
