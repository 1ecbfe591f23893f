import readline from "node:readline";
import { Writable } from "node:stream";

/**
 * Asks on the terminal without echoing the answer (a password, a passphrase). Without a terminal (CI, a pipe, a
 * service) it throws `noTerminal()`: the caller's message names the setting to use instead.
 */
export async function askHidden(question: string, noTerminal: () => Error): Promise<string> {
  if (!process.stdin.isTTY) throw noTerminal();
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}
