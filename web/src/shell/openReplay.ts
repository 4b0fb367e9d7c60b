/**
 * Opening a saved log — picked, dropped, or one of the server's recordings —
 * as the session's source. One parse worker serves every replay.
 */
import type { SourceSession } from '../sources/SourceSession.ts';
import { ReplaySource } from '../sources/ReplaySource.ts';
import { WorkerLogLoader } from '../sources/WorkerLogLoader.ts';
import type { LogInput } from '../sources/LogLoader.ts';
import { linkedFileCursor } from './urlState.ts';

let loader: WorkerLogLoader | null = null;

/** `openAt`: the record count to open at (a shared link's cursor); the start otherwise. */
export function openReplay(session: SourceSession, input: LogInput, options: { openAt?: number } = {}): ReplaySource {
  loader ??= new WorkerLogLoader();
  const source = new ReplaySource(input, { loader, ...(options.openAt === undefined ? {} : { openAt: options.openAt }) });
  session.open(source);
  return source;
}

/**
 * A picked or dropped file. When the page's URL is a link to a file of this
 * name (which a link cannot reopen itself), the replay opens at the link's
 * cursor: the recipient opens the same file and lands where the sender was.
 */
export function openFile(session: SourceSession, file: File, search = globalThis.location?.search ?? ''): ReplaySource {
  const openAt = linkedFileCursor(search, file.name);
  return openReplay(session, { kind: 'file', file, name: file.name }, openAt === null ? {} : { openAt });
}
