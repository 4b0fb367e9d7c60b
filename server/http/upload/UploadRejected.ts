/**
 * An upload refused on purpose: the HTTP status, the sentence for the client
 * (which names the budget that was exceeded and what to do), and the reason
 * it is counted under in `/api/health`.
 */
import { HttpError } from '../httpErrors.ts';
import type { UploadRejectReason } from './UploadCounters.ts';

export class UploadRejected extends HttpError {
  constructor(
    status: number,
    readonly reason: UploadRejectReason,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, message);
    this.name = 'UploadRejected';
  }
}
