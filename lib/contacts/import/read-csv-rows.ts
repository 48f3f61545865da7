// The data rows of an import's file, streamed: each with the line it starts on (line 1 is the
// header), its fields, or the CSV error that made it unreadable. A bad row never stops the rest.
import type { Readable } from "node:stream";
import { parse, type CsvError, type Options } from "csv-parse";

export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

export interface ReadCsvOptions {
  delimiter: string;
  /** Stop after this many data rows (the sample of the mapping step). */
  limit?: number;
}

const count = (fields: string[], what: string) => {
  let n = 0;
  for (const field of fields) for (let i = field.indexOf(what); i !== -1; i = field.indexOf(what, i + 1)) n++;
  return n;
};

/** The header row's fields, then the data rows. */
export async function* readCsvRows(input: Readable, options: ReadCsvOptions): AsyncGenerator<CsvRow | { header: string[] }> {
  // csv-parse counts the line a record ends on, but counts a quoted CRLF as two lines; the callbacks
  // run in file order, so the records before a row tell how far its count has drifted.
  let drift = 0;
  let lastEnd = 0;
  const skipped: CsvRow[] = [];
  const csvOptions: Options<unknown, unknown> = {
      delimiter: options.delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // The line count comes with on_record's context; the `info` option would copy the same
      // counters once more per record to wrap it with them.
      on_record: (data: unknown, info: { lines: number }) => {
        const record = data as string[];
        drift += count(record, "\r\n");
        const end = info.lines - drift;
        lastEnd = end;
        return { line: end - count(record, "\n"), fields: record };
      },
      on_skip: (error: CsvError | undefined) => {
        // An unclosed quote is only noticed at the end of the file: the row starts after the last good one.
        const line = !error ? lastEnd + 1 : error.code === "CSV_QUOTE_NOT_CLOSED" ? lastEnd + 1 : Number(error.lines ?? 0) - drift;
        skipped.push({ line, error: error?.message.replace(/ at line \d+/, "") ?? "Not valid CSV" });
        return undefined;
      },
  };
  // The typings want on_record to answer a record of fields; it may answer anything.
  const parser = input.pipe(parse(csvOptions as Options));
  let header = true;
  let rows = 0;
  try {
    for await (const row of parser as AsyncIterable<{ line: number; fields: string[] }>) {
      if (header) {
        header = false;
        yield { header: row.fields };
        continue;
      }
      while (skipped.length) yield skipped.shift()!;
      yield row;
      if (options.limit !== undefined && ++rows >= options.limit) return;
    }
    while (skipped.length) yield skipped.shift()!;
  } finally {
    input.destroy();
  }
}
