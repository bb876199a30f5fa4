// Recognise the scripts hfleet frames over its remote `sh -s`, and answer one the way a real shell would.

// The stderr line that closes a framed script: `printf '\n@@hfleet-done-HEX\n' >&2`.
const FRAME_END = /printf '\\n(@@hfleet-done-[0-9a-f]+)\\n' >&2\n/;

// Split complete framed scripts off the front of a buffer; returns them with what is left over.
export function takeFrames(buffer) {
  const frames = [];
  let rest = buffer;
  for (;;) {
    const match = FRAME_END.exec(rest);
    if (!match) break;
    const end = match.index + match[0].length;
    frames.push({ script: rest.slice(0, end), marker: match[1] });
    rest = rest.slice(end);
  }
  return { frames, rest };
}

// True for the facts script (it prints the host's clock as an `N` line first).
export function isFactsScript(script) {
  return script.includes("printf 'N\\t%s\\t%s\\n'") && script.includes('hf_file()');
}

// What the shell writes for one script: its stdout, then the status line and the stderr marker.
export function frameReply(marker, stdout, status = 0) {
  return { stdout: `${stdout}\n${marker} ${status}\n`, stderr: `\n${marker}\n` };
}
