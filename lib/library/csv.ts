// A small RFC 4180 CSV reader: quoted fields, "" inside quotes, commas and line breaks inside
// quotes, CRLF / LF / CR line ends, a leading byte-order mark. Lenient where spreadsheets are (a
// quote inside an unquoted field is kept as a character), strict where data would be lost (a
// quoted field that never closes is an error naming the line it started on).

export interface CsvRow {
  /** 1-based line of the file on which the row starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Every row of `text`, blank lines skipped. */
export function parseCsv(text: string): CsvRow[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quotedField = false;
  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' && field === '' && !quotedField) {
      // a quoted field
      const start = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new CsvError(`line ${start}: a quoted field is never closed (the file may be truncated)`, start);
        const q = s[i]!;
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          line++;
          if (q === '\r' && s[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            continue;
          }
        }
        field += q;
        i++;
      }
      quotedField = true;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (quotedField) {
      // text after a closing quote ("a"b) is kept, as spreadsheets do: ab
      field += c;
      i++;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRow();
  return rows;
}
