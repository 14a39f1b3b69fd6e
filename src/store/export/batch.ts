// Join many small strings into writes of about 64 KiB: one write per row would mean a million
// tiny chunks for a million rows.

const TARGET = 64 * 1024;

export async function* batched(parts: AsyncIterable<string>, target = TARGET): AsyncGenerator<string> {
  let buf: string[] = [];
  let size = 0;
  for await (const p of parts) {
    buf.push(p);
    size += p.length;
    if (size >= target) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join('');
}
