import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";

/** The file exists and the caller did not ask to replace it; nothing was written. */
export class FileExists extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = "FileExists";
  }
}

/**
 * Write a file whole or not at all: the bytes go to a temporary file in the same folder (so the
 * final rename stays on one file system), are flushed to disk (fsync), and only then take the
 * target's name, by rename (replacing, atomically on POSIX and NTFS) or by a hard link that
 * fails if the name is taken (not replacing, so a file that appears meanwhile is not clobbered).
 * A failure part-way (a full disk, a file-size limit) removes the temporary file and leaves
 * whatever was at the target untouched. Ctrl-C, SIGTERM and SIGHUP wait for the write (it is
 * synchronous, and a listener defers them) and then end the process as they would have. Only
 * SIGKILL or a power cut can leave the hidden temporary file behind, never a partial file
 * under the target's name.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: { replace: boolean }): void {
  const target = resolve(path);
  if (!options.replace && existsSync(target)) throw new FileExists(path);
  deferSignals();
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", 0o666);
  let open = true;
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    if (options.replace) renameSync(temp, target);
    else place(temp, target, path);
  } catch (e) {
    if (open) closeSync(fd);
    if (existsSync(temp)) unlinkSync(temp);
    throw e;
  }
  syncFolder(dirname(target));
}

const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * A signal arriving while the write runs is handled once the event loop turns again, by then
 * the file is whole: the listener then ends the process with the same signal. The listeners go
 * after that turn (setImmediate runs after the loop has polled for signals).
 */
function deferSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.kill(process.pid, signal);
  };
  const remove = () => signals.forEach((s) => process.removeListener(s, onSignal));
  signals.forEach((s) => process.on(s, onSignal));
  setImmediate(remove);
}

/** Give `temp` the name `target` unless it is taken, without a window in which both could win. */
function place(temp: string, target: string, shown: string): void {
  try {
    linkSync(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileExists(shown);
    // A file system without hard links (FAT, some shares): check, then rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    if (existsSync(target)) throw new FileExists(shown);
    renameSync(temp, target);
    return;
  }
  unlinkSync(temp);
}

/** Make the rename itself durable (POSIX); folders cannot be opened for this on Windows. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network file systems): the rename still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
