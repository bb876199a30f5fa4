// What an import could not carry over, gathered by message so one cause on 10,000 hosts is one line.

/** Notes keyed by message, each with the hosts or groups it is about, in the order first seen. */
export class NoteBook {
  private readonly subjects = new Map<string, string[]>();

  /** Record `message` about `subject` (a host or group name, or '' for the whole inventory). */
  add(subject: string, message: string): void {
    const list = this.subjects.get(message);
    if (list) list.push(subject);
    else this.subjects.set(message, [subject]);
  }

  /** One line per message: `SUBJECT: message`, or `message (hosts a, b, c and 9,997 more)`. */
  lines(): string[] {
    return [...this.subjects].map(([message, subjects]) => {
      const named = subjects.filter((subject) => subject !== '');
      if (named.length === 0) return message;
      if (named.length === 1) return `${named[0]}: ${message}`;
      const shown = named.slice(0, 3).join(', ');
      const more = named.length > 3 ? ` and ${(named.length - 3).toLocaleString('en-US')} more` : '';
      return `${message} (${shown}${more})`;
    });
  }
}
