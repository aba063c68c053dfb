/** The one CSV writer: RFC 4180 with CRLF, quoting exactly what needs quoting. */
import { describe, expect, it } from 'vitest';
import { toCsv, writeCsvRows } from './csv.ts';

describe('toCsv', () => {
  it('writes the header then each record in column order, every line ended by CRLF, missing values empty', () => {
    expect(
      toCsv(
        ['id', 'n', 'note'],
        [
          { note: 'x', id: 'E1', n: 2 },
          { id: 'E2', n: null },
        ],
      ),
    ).toBe('id,n,note\r\nE1,2,x\r\nE2,,\r\n');
  });
  it('quotes a field with a comma, quote, CR or LF, or white space at either end, doubling quotes', () => {
    expect(writeCsvRows([['a,b', 'say "hi"', 'two\nlines', 'cr\r', ' lead', 'trail\t', 'in side']])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\r"," lead","trail\t",in side\r\n',
    );
  });
});
